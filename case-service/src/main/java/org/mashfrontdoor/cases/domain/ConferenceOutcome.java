package org.mashfrontdoor.cases.domain;

/** What an initial child protection conference decides. */
public enum ConferenceOutcome {
  CHILD_PROTECTION_PLAN,
  NO_PLAN
}
