package org.mashfrontdoor.platform.codes;

/**
 * What the MASH manager decides should happen with a contact: the outcome list of {@code triage.decision-recorded.v1}
 * (docs/asyncapi.yaml, {@code MashOutcome}), one list for triage, which decides, and case-service, intake and
 * notification-service, which act on it. A new value needs a new event version.
 */
public enum MashOutcome {
  NO_FURTHER_ACTION,
  INFORMATION_AND_ADVICE,
  EARLY_HELP,
  SINGLE_ASSESSMENT,
  STRATEGY_DISCUSSION;

  /**
   * The front door closes the contact itself: no case follows and the referring agency keeps the lead, so the
   * decision must tell the referrer what to do. The other outcomes hand the child on to early help or children's
   * social care, which open a case with the decision's rationale.
   */
  public boolean closesAtTheFrontDoor() {
    return this == NO_FURTHER_ACTION || this == INFORMATION_AND_ADVICE;
  }

  /** The outcome as staff say it, e.g. "strategy discussion". */
  public String inWords() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
