package org.mashfrontdoor.cases.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.mashfrontdoor.cases.domain.Case;
import org.mashfrontdoor.cases.domain.CaseRead;
import org.mashfrontdoor.cases.domain.CaseStatus;
import org.mashfrontdoor.cases.domain.Practitioner;
import org.mashfrontdoor.platform.paging.Page;
import org.mashfrontdoor.platform.paging.PageWindow;

/**
 * Practitioners look cases up. The whole case (names of the professionals, rationale, every step) is shown only
 * after the read is in the audit: no audit entry, no data.
 */
public final class ViewingCases {

  private final Cases cases;
  private final CaseReadAudit audit;
  private final Clock clock;

  public ViewingCases(Cases cases, CaseReadAudit audit, Clock clock) {
    this.cases = cases;
    this.audit = audit;
    this.clock = clock;
  }

  /** The case, audited first; empty (and nothing audited) when no case has this id. */
  public Optional<Case> read(String caseId, Practitioner reader, String purpose) {
    Optional<Case> found = cases.withId(caseId);
    found.ifPresent(c -> audit.record(new CaseRead(reader.id(), reader.role(), c.caseId(), c.referralId(),
        clock.instant().truncatedTo(ChronoUnit.MILLIS), purpose)));
    return found;
  }

  /** Cases of one referral: their pathway, status and clocks, no personal data. */
  public List<Case> ofReferral(String referralId) {
    return cases.ofReferral(referralId);
  }

  public Cases.Page worklist(CaseStatus status, boolean overdueOnly, int page, int size) {
    return cases.worklist(status, overdueOnly, clock.instant(), page, size);
  }

  /** Who has read the case, oldest first, as far as {@code window} shows; empty when no case has this id. */
  public Optional<Page<CaseRead>> readsOf(String caseId, PageWindow window) {
    return cases.withId(caseId).map(c -> audit.readsOf(c, window));
  }

  /** Who has read any case of the referral, oldest first, as far as {@code window} shows. */
  public Page<CaseRead> readsOfReferral(String referralId, PageWindow window) {
    return audit.readsOfReferral(referralId, window);
  }
}
