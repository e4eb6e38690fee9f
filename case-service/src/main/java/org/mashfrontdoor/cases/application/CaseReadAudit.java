package org.mashfrontdoor.cases.application;

import org.mashfrontdoor.cases.domain.Case;
import org.mashfrontdoor.cases.domain.CaseRead;
import org.mashfrontdoor.platform.paging.Page;
import org.mashfrontdoor.platform.paging.PageWindow;

/**
 * The append-only record of who read which case, when and why. Nothing here is ever changed or removed; the record
 * is a hash chain, so a change made behind its back shows when it is verified.
 */
public interface CaseReadAudit {

  /** Stores the read; throws if it cannot, so that the read it records fails too. */
  void record(CaseRead read);

  /** The reads of the case, oldest first, as far as {@code window} shows. */
  Page<CaseRead> readsOf(Case readCase, PageWindow window);

  /** The reads of every case of the referral {@code referralId}, oldest first, as far as {@code window} shows. */
  Page<CaseRead> readsOfReferral(String referralId, PageWindow window);
}
