package org.mashfrontdoor.intake.domain;

/** Sex as the CIN census records it (codes 1, 2, 0, 9). */
public enum Sex {
  MALE, FEMALE, NOT_KNOWN, NOT_STATED
}
