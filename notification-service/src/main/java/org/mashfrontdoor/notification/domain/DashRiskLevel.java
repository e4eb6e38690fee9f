package org.mashfrontdoor.notification.domain;

/** The police DASH (domestic abuse, stalking and harassment) risk level. */
public enum DashRiskLevel {
  STANDARD, MEDIUM, HIGH
}
