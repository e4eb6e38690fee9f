package org.mashfrontdoor.cases.application;

import java.util.List;
import java.util.Optional;
import org.mashfrontdoor.cases.domain.Case;

/** Where cases are kept. */
public interface Cases {

  /** Whether storing a newly opened case changed anything. */
  enum Opening {
    OPENED,
    /** The decision had already opened this case: nothing changed, nothing announced again. */
    ALREADY_OPEN
  }

  /**
   * Stores the case, announces it as opened and remembers that {@code decisionId} was handled, all in one
   * atomic write, so a redelivered decision neither opens a second case nor announces it twice.
   */
  Opening open(Case openedCase, String decisionId);

  Optional<Case> withId(String caseId);

  /** Cases of one referral, oldest first. */
  List<Case> ofReferral(String referralId);
}
