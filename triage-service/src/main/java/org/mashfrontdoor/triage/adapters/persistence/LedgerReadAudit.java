package org.mashfrontdoor.triage.adapters.persistence;

import java.util.Map;
import org.mashfrontdoor.platform.audit.AuditLedger;
import org.mashfrontdoor.platform.audit.AuditedRead;
import org.mashfrontdoor.platform.audit.ChainedEntry;
import org.mashfrontdoor.platform.paging.Page;
import org.mashfrontdoor.platform.paging.PageWindow;
import org.mashfrontdoor.triage.application.ReadAudit;
import org.mashfrontdoor.triage.domain.ContactRead;
import org.mashfrontdoor.triage.domain.Role;

/**
 * The read audit as entries of triage's hash-chained audit ledger ({@link AuditLedger}; in MongoDB
 * {@code MongoAuditLedger}), one per read, filed under the contact ({@code contact:<contactId>}) so that a
 * contact's reads are found by key whichever of its referrals is asked about. Ids, role, time and stated purpose
 * only. Appended, never changed: an edit or a deletion shows in the ledger's verification.
 */
public final class LedgerReadAudit implements ReadAudit {

  /** Entries are filed under the contact: this, then its id. */
  static final String SUBJECT = "contact:";
  static final String CONTACT_ID = "contactId";
  static final String REQUESTED_AS = "requestedAs";
  static final String REFERRAL_IDS = "referralIds";

  private final AuditLedger ledger;

  public LedgerReadAudit(AuditLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public void record(ContactRead read) {
    ledger.append(SUBJECT + read.contactId(), new AuditedRead(read.staffId(), read.role().name(), read.at(),
        read.purpose()).withWhatWasRead(Map.of(CONTACT_ID, read.contactId(), REQUESTED_AS, read.requestedAs(),
        REFERRAL_IDS, read.referralIds())));
  }

  @Override
  public Page<ContactRead> readsOf(String contactId, PageWindow window) {
    return ledger.about(SUBJECT + contactId, window).map(LedgerReadAudit::toRead);
  }

  private static ContactRead toRead(ChainedEntry entry) {
    AuditedRead read = AuditedRead.of(entry);
    return new ContactRead(read.staffId(), Role.valueOf(read.role()), entry.text(CONTACT_ID),
        entry.text(REQUESTED_AS), entry.texts(REFERRAL_IDS), read.at(), read.purpose());
  }
}
