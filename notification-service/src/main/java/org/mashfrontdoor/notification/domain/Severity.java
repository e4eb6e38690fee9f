package org.mashfrontdoor.notification.domain;

/** How soon someone must act. Urgent alerts escalate when nobody acknowledges them. */
public enum Severity {
  URGENT,
  WARNING,
  INFO
}
