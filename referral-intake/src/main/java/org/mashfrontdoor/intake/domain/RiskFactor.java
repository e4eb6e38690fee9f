package org.mashfrontdoor.intake.domain;

/** Parental and household factors the MASH weighs (the "toxic trio" and their CIN census neighbours). */
public enum RiskFactor {
  DOMESTIC_ABUSE, PARENTAL_MENTAL_HEALTH, PARENTAL_SUBSTANCE_MISUSE, PARENTAL_ALCOHOL_MISUSE,
  PARENTAL_LEARNING_DISABILITY, OTHER
}
