package org.mashfrontdoor.cases.domain;

import java.util.Optional;
import org.mashfrontdoor.platform.codes.MashOutcome;

/** The help that follows the front-door decision. */
public enum Pathway {
  /** Step-down to early help: a lead professional, a service within 4 weeks. */
  EARLY_HELP,
  /** Assessment by children's social care within 45 working days. */
  SINGLE_ASSESSMENT,
  /** Police, social care, health and education on reasonable cause to suspect significant harm (may lead to Section 47). */
  STRATEGY_DISCUSSION;

  /** The pathway a case follows after the MASH outcome; none when the front door closes the contact. */
  public static Optional<Pathway> after(MashOutcome outcome) {
    return switch (outcome) {
      case NO_FURTHER_ACTION, INFORMATION_AND_ADVICE -> Optional.empty();
      case EARLY_HELP -> Optional.of(EARLY_HELP);
      case SINGLE_ASSESSMENT -> Optional.of(SINGLE_ASSESSMENT);
      case STRATEGY_DISCUSSION -> Optional.of(STRATEGY_DISCUSSION);
    };
  }
}
