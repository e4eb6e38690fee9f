package org.mashfrontdoor.triage.domain;

/** What the MASH manager decides should happen with a contact. */
public enum Outcome {
  NO_FURTHER_ACTION,
  INFORMATION_AND_ADVICE,
  EARLY_HELP,
  SINGLE_ASSESSMENT,
  STRATEGY_DISCUSSION
}
