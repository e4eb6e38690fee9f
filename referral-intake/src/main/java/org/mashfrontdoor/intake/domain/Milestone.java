package org.mashfrontdoor.intake.domain;

/**
 * A line of the referrer's timeline. The first three are the MASH's own stages ({@link ReferralStatus}); the
 * rest are what followed the decision, reported by children's social care and early help: told in plain
 * English, never with outcomes or detail about the child.
 */
public enum Milestone {
  RECEIVED, IN_TRIAGE, DECIDED,
  CASE_OPENED, STEPPED_DOWN_TO_EARLY_HELP,
  STRATEGY_DISCUSSION_HELD, ENQUIRIES_CONCLUDED, CONFERENCE_HELD, ASSESSMENT_COMPLETED, EARLY_HELP_STARTED,
  STEPPED_UP, CASE_CLOSED;

  /** True for the MASH's own stages, which always read first and in this order. */
  public boolean mashStage() {
    return compareTo(DECIDED) <= 0;
  }
}
