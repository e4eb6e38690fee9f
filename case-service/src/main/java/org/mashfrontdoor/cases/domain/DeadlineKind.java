package org.mashfrontdoor.cases.domain;

/** The statutory and local clocks a case runs (the source reports measure each monthly). */
public enum DeadlineKind {
  /** The child seen during a single assessment: within 3 working days of the decision (configurable). */
  CHILD_SEEN,
  /** A single assessment completed within 45 working days of the referral's receipt. */
  ASSESSMENT,
  /** The initial child protection conference within 15 working days of the strategy discussion. */
  ICPC,
  /** An early help service started within 4 weeks of the decision (or the step-down). */
  EARLY_HELP_START
}
