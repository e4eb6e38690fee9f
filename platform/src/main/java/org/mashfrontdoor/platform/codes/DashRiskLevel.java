package org.mashfrontdoor.platform.codes;

/**
 * The police DASH risk assessment level of a domestic abuse notification: one list for intake, which takes it from
 * the notification, and triage, which routes and prioritises by it (docs/asyncapi.yaml, {@code DashRiskLevel}).
 */
public enum DashRiskLevel {
  STANDARD,
  MEDIUM,
  HIGH
}
