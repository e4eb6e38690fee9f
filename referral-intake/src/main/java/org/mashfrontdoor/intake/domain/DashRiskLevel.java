package org.mashfrontdoor.intake.domain;

/** The police DASH risk assessment level. */
public enum DashRiskLevel {
  STANDARD, MEDIUM, HIGH
}
