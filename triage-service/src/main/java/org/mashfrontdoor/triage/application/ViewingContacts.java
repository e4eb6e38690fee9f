package org.mashfrontdoor.triage.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mashfrontdoor.platform.paging.Page;
import org.mashfrontdoor.platform.paging.PageWindow;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.ContactRead;
import org.mashfrontdoor.triage.domain.Lane;
import org.mashfrontdoor.triage.domain.Rag;
import org.mashfrontdoor.triage.domain.RagPolicy;
import org.mashfrontdoor.triage.domain.ReferralDetails;
import org.mashfrontdoor.triage.domain.Staff;

/**
 * The front-door queue and single contacts, with RAG computed from the clock at the moment of asking. Reading a
 * contact is audited (who, what, when, why) before it is shown, with what its referrals told the MASH
 * ({@link ContactRecord}); the queue shows no personal data and is not. The referrals' details are read here only,
 * and only after the audit entry is written.
 */
public class ViewingContacts {

  private final Contacts contacts;
  private final Referrals referrals;
  private final ReadAudit readAudit;
  private final RagPolicy ragPolicy;
  private final Clock clock;

  public ViewingContacts(Contacts contacts, Referrals referrals, ReadAudit readAudit, RagPolicy ragPolicy,
      Clock clock) {
    this.contacts = contacts;
    this.referrals = referrals;
    this.readAudit = readAudit;
    this.ragPolicy = ragPolicy;
    this.clock = clock;
  }

  /**
   * A page of the open contacts, optionally of one lane and/or RAG: urgent first, then the least time left; with how
   * many are queued in all (with the filters) and how many of those are urgent.
   */
  public QueuePage queue(Lane lane, Rag rag, PageWindow window) {
    Instant now = clock.instant();
    Contacts.Queue queue = contacts.queue(lane, rag, due -> ragPolicy.ragAt(due, now), window);
    return new QueuePage(new Page<>(queue.contacts().stream().map(contact -> view(contact, ragPolicy, now)).toList(),
        queue.total()), queue.urgent());
  }

  /** A page of the queue, and how many of the whole queue (with its filters) are urgent. */
  public record QueuePage(Page<ContactView> page, long urgent) {
  }

  /**
   * The contact holding {@code referralId}, whichever of its referrals that is, with its referrals' details, read by
   * {@code reader} for {@code purpose}. The read is written to the audit first: if that fails, nothing is read or
   * shown.
   */
  public ContactRecord contact(String referralId, Staff reader, String purpose) {
    Contact contact = find(referralId);
    Instant now = clock.instant();
    readAudit.record(ContactRead.of(reader, contact, referralId, now, purpose));
    return withDetails(view(contact, ragPolicy, now));
  }

  /**
   * A contact shown to {@code reader} in the answer to a step they recorded (checks, recommendation, decision): a read
   * like any other, so it is audited first, with the step as its purpose; if the audit fails, nothing is shown.
   */
  public ContactRecord shown(ContactView view, Staff reader, String requestedAs, String purpose) {
    readAudit.record(ContactRead.of(reader, view.contact(), requestedAs, clock.instant(), purpose));
    return withDetails(view);
  }

  /** Who has read the contact holding {@code referralId}, oldest first, as far as {@code window} shows. */
  public ReadsOfContact readsOf(String referralId, PageWindow window) {
    Contact contact = find(referralId);
    return new ReadsOfContact(contact.contactId(), contact.referralIds(),
        readAudit.readsOf(contact.contactId(), window));
  }

  /**
   * A page of a contact's reads, with the contact's referral ids: the same child's linked referrals, whose own
   * reads elsewhere (their cases) a report of who viewed the child includes.
   */
  public record ReadsOfContact(String contactId, List<String> referralIds, Page<ContactRead> reads) {
  }

  /** Called only once the read is audited: by {@link #contact} and {@link #shown}. */
  private ContactRecord withDetails(ContactView view) {
    List<ReferralDetails> details = view.contact().referralIds().stream()
        .map(referrals::details).flatMap(Optional::stream).toList();
    return new ContactRecord(view, details);
  }

  private Contact find(String referralId) {
    return contacts.find(referralId).orElseThrow(() -> new UnknownContact(referralId));
  }

  static ContactView view(Contact contact, RagPolicy ragPolicy, Instant now) {
    return new ContactView(contact, contact.rag(ragPolicy, now), contact.timeRemaining(now));
  }
}
