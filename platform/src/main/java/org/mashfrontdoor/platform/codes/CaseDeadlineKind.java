package org.mashfrontdoor.platform.codes;

/**
 * The statutory and local clocks a case runs (the source reports measure each monthly): one list for case-service,
 * which runs them, and notification-service, which alerts on them.
 */
public enum CaseDeadlineKind {
  /** The child seen during a single assessment: within 3 working days of the decision (configurable). */
  CHILD_SEEN("Child to be seen"),
  /** A single assessment completed within 45 working days of the referral's receipt. */
  ASSESSMENT("Assessment"),
  /** The initial child protection conference within 15 working days of the strategy discussion. */
  ICPC("ICPC"),
  /** An early help service started within 4 weeks of the decision (or the step-down). */
  EARLY_HELP_START("Early help start");

  private final String inWords;

  CaseDeadlineKind(String inWords) {
    this.inWords = inWords;
  }

  /** The deadline as staff say it, e.g. "ICPC" or "Child to be seen". */
  public String inWords() {
    return inWords;
  }
}
