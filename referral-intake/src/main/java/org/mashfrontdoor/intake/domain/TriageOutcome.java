package org.mashfrontdoor.intake.domain;

/** The MASH manager's decision, with what happens next and what the referring agency still owns, in plain English. */
public enum TriageOutcome {
  NO_FURTHER_ACTION(
      "Children's social care will take no further action.",
      "Your agency keeps supporting the child as before. Refer again at once if you are worried the child is at risk."),
  INFORMATION_AND_ADVICE(
      "The MASH has given your agency information and advice.",
      "Your agency keeps the lead: act on the advice and record it. Refer again if things get worse."),
  EARLY_HELP(
      "The family is offered early help with a lead professional, within 4 weeks.",
      "Keep supporting the child, take part in the early help plan, and share new worries with the lead professional."),
  SINGLE_ASSESSMENT(
      "A social worker will assess the child's needs (within 45 working days).",
      "Keep supporting the child, share what you know with the social worker, and report new worries at once."),
  STRATEGY_DISCUSSION(
      "Police, social care, health and education will hold a strategy discussion about the child's safety.",
      "Be ready to share what your agency knows; keep the child safe in your setting and report new worries at once.");

  private final String whatHappensNext;
  private final String whatYouStillOwn;

  TriageOutcome(String whatHappensNext, String whatYouStillOwn) {
    this.whatHappensNext = whatHappensNext;
    this.whatYouStillOwn = whatYouStillOwn;
  }

  public String whatHappensNext() {
    return whatHappensNext;
  }

  /** What the referring agency still owns after this decision. */
  public String whatYouStillOwn() {
    return whatYouStillOwn;
  }
}
