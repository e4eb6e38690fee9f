package org.mashfrontdoor.triage.domain;

public enum ContactStatus {
  /** Awaiting a manager's decision: on the queue. */
  OPEN,
  DECIDED
}
