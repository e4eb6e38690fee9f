package org.mashfrontdoor.cases.domain;

/** How a single assessment concludes. */
public enum AssessmentOutcome {
  CHILD_IN_NEED_PLAN,
  /** Significant harm is suspected after all: the case goes on to a strategy discussion. */
  STRATEGY_DISCUSSION,
  STEP_DOWN_TO_EARLY_HELP,
  NO_FURTHER_ACTION
}
