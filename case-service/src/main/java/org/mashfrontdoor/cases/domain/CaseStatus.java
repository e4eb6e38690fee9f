package org.mashfrontdoor.cases.domain;

/** Where a case stands. The walking skeleton only opens cases. */
public enum CaseStatus {
  OPEN
}
