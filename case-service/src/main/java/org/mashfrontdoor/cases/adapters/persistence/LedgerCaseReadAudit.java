package org.mashfrontdoor.cases.adapters.persistence;

import java.util.Map;
import org.mashfrontdoor.cases.application.CaseReadAudit;
import org.mashfrontdoor.cases.domain.Case;
import org.mashfrontdoor.cases.domain.CaseRead;
import org.mashfrontdoor.cases.domain.Role;
import org.mashfrontdoor.platform.audit.AuditLedger;
import org.mashfrontdoor.platform.audit.AuditedRead;
import org.mashfrontdoor.platform.audit.ChainedEntry;
import org.mashfrontdoor.platform.paging.Page;
import org.mashfrontdoor.platform.paging.PageWindow;

/**
 * The case read audit as entries of case-service's hash-chained audit ledger ({@link AuditLedger}; in MongoDB
 * {@code MongoAuditLedger}), one per read, ids, role, time and stated purpose only. Filed under the case's
 * referral ({@code referral:<referralId>}), not the case: the report of who viewed a child asks by referral, and
 * one filing per read keeps the read's own path short. A case's reads are its referral's filtered to it; a
 * referral has one case, or a few, so that costs little.
 */
public final class LedgerCaseReadAudit implements CaseReadAudit {

  /** Entries are filed under the referral: this, then its id. */
  static final String SUBJECT = "referral:";
  static final String CASE_ID = "caseId";
  static final String REFERRAL_ID = "referralId";

  private final AuditLedger ledger;

  public LedgerCaseReadAudit(AuditLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public void record(CaseRead read) {
    ledger.append(SUBJECT + read.referralId(), new AuditedRead(read.staffId(), read.role().name(), read.at(),
        read.purpose()).withWhatWasRead(Map.of(CASE_ID, read.caseId(), REFERRAL_ID, read.referralId())));
  }

  @Override
  public Page<CaseRead> readsOfReferral(String referralId, PageWindow window) {
    return ledger.about(SUBJECT + referralId, window).map(LedgerCaseReadAudit::toRead);
  }

  @Override
  public Page<CaseRead> readsOf(Case readCase, PageWindow window) {
    return Page.of(ledger.about(SUBJECT + readCase.referralId()).stream()
        .filter(entry -> readCase.caseId().equals(entry.text(CASE_ID))).map(LedgerCaseReadAudit::toRead).toList(), window);
  }

  private static CaseRead toRead(ChainedEntry entry) {
    AuditedRead read = AuditedRead.of(entry);
    return new CaseRead(read.staffId(), Role.valueOf(read.role()), entry.text(CASE_ID), entry.text(REFERRAL_ID),
        read.at(), read.purpose());
  }
}
