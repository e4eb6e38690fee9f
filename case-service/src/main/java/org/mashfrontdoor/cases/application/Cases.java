package org.mashfrontdoor.cases.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mashfrontdoor.cases.domain.Case;
import org.mashfrontdoor.cases.domain.CaseEvent;
import org.mashfrontdoor.cases.domain.CaseStatus;

/** Where cases are kept. Each write stores the case with the events it raises, in one atomic write. */
public interface Cases {

  /** Whether storing a newly opened case changed anything. */
  enum Opening {
    OPENED,
    /** The decision had already opened this case: nothing changed, nothing announced again. */
    ALREADY_OPEN
  }

  enum Write {
    APPLIED,
    /** The case changed since it was read: read it again and decide again. */
    CONFLICT,
    NOT_FOUND
  }

  /** One page of the worklist, and how many cases match in all. */
  record Page(List<Case> cases, long total) {
  }

  /**
   * Stores the case, announces it as opened and remembers that {@code decisionId} was handled, all in one
   * atomic write, so a redelivered decision neither opens a second case nor announces it twice.
   */
  Opening open(Case openedCase, List<CaseEvent> events, String decisionId);

  /** Stores {@code changed} with its events if the stored case is still at {@code expectedVersion}. */
  Write update(Case changed, long expectedVersion, List<CaseEvent> events);

  Optional<Case> withId(String caseId);

  /** Cases of one referral, oldest first. */
  List<Case> ofReferral(String referralId);

  /** Cases in {@code status}, soonest deadline first (cases without a running clock last); overdue ones only if asked. */
  Page worklist(CaseStatus status, boolean overdueOnly, Instant now, int page, int size);

  /** Open cases with a clock alarm due at {@code now}, soonest first, at most {@code limit}. */
  List<Case> dueAlarms(Instant now, int limit);
}
