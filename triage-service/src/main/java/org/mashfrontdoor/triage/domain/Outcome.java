package org.mashfrontdoor.triage.domain;

/** What the MASH manager decides should happen with a contact. */
public enum Outcome {
  NO_FURTHER_ACTION,
  INFORMATION_AND_ADVICE,
  EARLY_HELP,
  SINGLE_ASSESSMENT,
  STRATEGY_DISCUSSION;

  /**
   * The front door closes the contact itself: no case follows and the referring agency keeps the lead, so the
   * decision must tell the referrer what to do ({@link TriageDecision#adviceToReferrer()}). The other outcomes hand
   * the child on to early help or children's social care, which open a case with the decision's rationale.
   */
  public boolean closesAtTheFrontDoor() {
    return this == NO_FURTHER_ACTION || this == INFORMATION_AND_ADVICE;
  }
}
