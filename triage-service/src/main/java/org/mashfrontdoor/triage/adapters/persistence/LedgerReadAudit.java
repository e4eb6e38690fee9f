package org.mashfrontdoor.triage.adapters.persistence;

import java.time.Instant;
import java.util.Map;
import org.mashfrontdoor.platform.audit.AuditLedger;
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

  static final String STAFF_ID = "staffId";
  static final String ROLE = "role";
  static final String CONTACT_ID = "contactId";
  static final String REQUESTED_AS = "requestedAs";
  static final String REFERRAL_IDS = "referralIds";
  static final String AT = "at";
  static final String PURPOSE = "purpose";

  private final AuditLedger ledger;

  public LedgerReadAudit(AuditLedger ledger) {
    this.ledger = ledger;
  }

  public static String subject(String contactId) {
    return "contact:" + contactId;
  }

  @Override
  public void record(ContactRead read) {
    ledger.append(subject(read.contactId()), Map.of(
        STAFF_ID, read.staffId(),
        ROLE, read.role().name(),
        CONTACT_ID, read.contactId(),
        REQUESTED_AS, read.requestedAs(),
        REFERRAL_IDS, read.referralIds(),
        AT, read.at().toString(),
        PURPOSE, read.purpose()));
  }

  @Override
  public Page<ContactRead> readsOf(String contactId, PageWindow window) {
    return ledger.about(subject(contactId), window).map(LedgerReadAudit::toRead);
  }

  private static ContactRead toRead(ChainedEntry entry) {
    return new ContactRead(entry.text(STAFF_ID), Role.valueOf(entry.text(ROLE)), entry.text(CONTACT_ID),
        entry.text(REQUESTED_AS), entry.texts(REFERRAL_IDS), Instant.parse(entry.text(AT)), entry.text(PURPOSE));
  }
}
