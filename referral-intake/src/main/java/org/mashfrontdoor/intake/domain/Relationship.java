package org.mashfrontdoor.intake.domain;

/** How an adult in the household is related to the children. */
public enum Relationship {
  MOTHER, FATHER, STEP_PARENT, PARENTS_PARTNER, GRANDPARENT, OTHER_RELATIVE, ADULT_SIBLING, FOSTER_CARER,
  GUARDIAN, LODGER, OTHER
}
