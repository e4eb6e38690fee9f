package org.mashfrontdoor.cases.domain;

import java.util.Optional;

/** What the MASH manager decided about a contact (the triage outcome list, version 1). */
public enum Outcome {
  NO_FURTHER_ACTION,
  INFORMATION_AND_ADVICE,
  EARLY_HELP,
  SINGLE_ASSESSMENT,
  STRATEGY_DISCUSSION;

  /** The pathway a case follows after this outcome; none when the front door closes the contact. */
  public Optional<Pathway> pathway() {
    return switch (this) {
      case NO_FURTHER_ACTION, INFORMATION_AND_ADVICE -> Optional.empty();
      case EARLY_HELP -> Optional.of(Pathway.EARLY_HELP);
      case SINGLE_ASSESSMENT -> Optional.of(Pathway.SINGLE_ASSESSMENT);
      case STRATEGY_DISCUSSION -> Optional.of(Pathway.STRATEGY_DISCUSSION);
    };
  }
}
