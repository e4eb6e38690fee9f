package org.mashfrontdoor.triage.domain;

/** The police DASH risk assessment level of a domestic abuse notification. */
public enum DashRiskLevel {
  STANDARD,
  MEDIUM,
  HIGH
}
