package org.mashfrontdoor.triage.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.ContactOpened;
import org.mashfrontdoor.triage.domain.DeadlinePolicy;
import org.mashfrontdoor.triage.domain.RagPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens a contact, with its decision deadline, for each referral received. Redeliveries change nothing. */
public class OpeningContact {

  private static final Logger log = LoggerFactory.getLogger(OpeningContact.class);

  private final Contacts contacts;
  private final DeadlinePolicy deadlinePolicy;
  private final RagPolicy ragPolicy;
  private final Clock clock;

  public OpeningContact(Contacts contacts, DeadlinePolicy deadlinePolicy, RagPolicy ragPolicy, Clock clock) {
    this.contacts = contacts;
    this.deadlinePolicy = deadlinePolicy;
    this.ragPolicy = ragPolicy;
    this.clock = clock;
  }

  /** Returns whether a new contact was opened. */
  public boolean open(ReferralReceived referral, String eventId) {
    // The store keeps milliseconds; truncating here keeps the event and later reads identical.
    Instant receivedAt = referral.receivedAt().truncatedTo(ChronoUnit.MILLIS);
    Contact contact = Contact.open(referral.referralId(), referral.reference(), receivedAt,
        Contact.isUrgent(referral.immediateRisk(), referral.dashRiskLevel()), deadlinePolicy);
    Instant now = clock.instant();
    Contacts.Write write = contacts.open(new ContactOpened(contact, contact.rag(ragPolicy, now), now), eventId);
    switch (write) {
      case APPLIED -> log.info("Opened contact for referral {} (event {})", referral.referralId(), eventId);
      case ALREADY_HANDLED -> log.info("Event {} was handled before: nothing to do", eventId);
      // One referral opens one contact; a second event for it (a re-publication) must not reset its deadline.
      default -> log.warn("Referral {} already has a contact; event {} ignored", referral.referralId(), eventId);
    }
    return write == Contacts.Write.APPLIED;
  }
}
