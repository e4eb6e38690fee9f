package org.mashfrontdoor.intake.domain;

/** The MASH manager's decision, with what it means for the referrer in plain English. */
public enum TriageOutcome {
  NO_FURTHER_ACTION("No further action by children's social care. Your agency keeps supporting the child as before."),
  INFORMATION_AND_ADVICE("The MASH has given information and advice. Your agency keeps the lead and acts on that advice."),
  EARLY_HELP("The family is offered early help with a lead professional. Keep supporting the child and share new worries."),
  SINGLE_ASSESSMENT("A social worker will assess the child's needs. Keep supporting the child and share new worries at once."),
  STRATEGY_DISCUSSION("Police, social care, health and education will hold a strategy discussion about the child's safety.");

  private final String whatHappensNext;

  TriageOutcome(String whatHappensNext) {
    this.whatHappensNext = whatHappensNext;
  }

  public String whatHappensNext() {
    return whatHappensNext;
  }
}
