package org.mashfrontdoor.cases.domain;

/** Where a case stands. A closed case takes no further steps and runs no clocks. */
public enum CaseStatus {
  OPEN,
  CLOSED
}
