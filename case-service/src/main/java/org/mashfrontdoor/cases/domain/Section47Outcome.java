package org.mashfrontdoor.cases.domain;

/** How a Section 47 enquiry concludes. */
public enum Section47Outcome {
  /** Concerns substantiated, the child may be at continuing risk: an initial child protection conference. */
  ICPC,
  CHILD_IN_NEED,
  NO_FURTHER_ACTION
}
