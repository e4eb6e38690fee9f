package org.mashfrontdoor.intake.domain;

/**
 * A line of the referrer's timeline. The first three are the MASH's own stages ({@link ReferralStatus}); the
 * last two are what followed the decision, reported by children's social care.
 */
public enum Milestone {
  RECEIVED, IN_TRIAGE, DECIDED, CASE_OPENED, STEPPED_DOWN_TO_EARLY_HELP
}
