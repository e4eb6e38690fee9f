package org.mashfrontdoor.triage.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.RagPolicy;
import org.mashfrontdoor.triage.domain.Referral;
import org.mashfrontdoor.triage.domain.ReferralDetails;
import org.mashfrontdoor.triage.domain.TriageEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a contact, with the decision deadline intake set, for each referral received; or, when the referral is linked to a
 * referral with an open contact, adds it to that contact instead. What the referral told the MASH is kept first
 * (ADR 0012), so a contact never exists without its referrals' details. Redeliveries change nothing.
 */
public class OpeningContact {

  private static final Logger log = LoggerFactory.getLogger(OpeningContact.class);
  private static final int ATTEMPTS = 5;

  public enum Result { OPENED, JOINED, ALREADY_HANDLED }

  private final Contacts contacts;
  private final Referrals referrals;
  private final RagPolicy ragPolicy;
  private final Clock clock;
  private final FrontDoorMetrics metrics;

  public OpeningContact(Contacts contacts, Referrals referrals, RagPolicy ragPolicy, Clock clock,
      FrontDoorMetrics metrics) {
    this.contacts = contacts;
    this.referrals = referrals;
    this.ragPolicy = ragPolicy;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** {@code details}: what the referral told the MASH, kept (once) before its contact is opened or joined. */
  public Result open(Referral received, ReferralDetails details, String eventId) {
    if (!details.referralId().equals(received.referralId())) {
      throw new IllegalArgumentException("the details are another referral's");
    }
    referrals.keep(details);
    // The store keeps milliseconds; truncating here keeps the events and later reads identical.
    Referral referral = new Referral(received.referralId(), received.reference(), received.referralType(),
        received.agency(), received.organisation(), received.receivedAt().truncatedTo(ChronoUnit.MILLIS),
        received.decisionDueBy().truncatedTo(ChronoUnit.MILLIS), received.deadlinePolicy(), received.immediateRisk(), received.dashRiskLevel(), received.children(), received.reReferral(),
        received.linkedReferralIds());
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (contacts.find(referral.referralId()).isPresent()) {
        // Opened or joined before (a redelivery, or a re-publication): it must not reset its clock.
        log.info("Referral {} is on a contact already; event {} changes nothing", referral.referralId(), eventId);
        return Result.ALREADY_HANDLED;
      }
      Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      Optional<Contact> linked = referral.linkedReferralIds().isEmpty() ? Optional.empty()
          : contacts.findOpenHolding(referral.linkedReferralIds());
      Contacts.Write write;
      Contact written;
      if (linked.isPresent()) {
        written = linked.get().join(referral, now);
        write = contacts.update(linked.get(), written,
            List.of(new TriageEvent.ReferralJoined(written, referral.source(), now)), eventId);
      } else {
        written = Contact.open(referral, ragPolicy, now);
        write = contacts.open(written, List.of(new TriageEvent.ContactOpened(written, written.rag(ragPolicy, now),
            referral.urgentReasons(), now)), eventId);
      }
      switch (write) {
        case APPLIED -> {
          log.info("Referral {} {} contact {} (event {})", referral.referralId(),
              linked.isPresent() ? "joined" : "opened", written.contactId(), eventId);
          metrics.referralReceived(referral.source(), written.lane(), linked.isPresent());
          return linked.isPresent() ? Result.JOINED : Result.OPENED;
        }
        case ALREADY_HANDLED -> {
          log.info("Event {} was handled before: nothing to do", eventId);
          return Result.ALREADY_HANDLED;
        }
        default -> log.info("Contact for referral {} changed while opening, again (attempt {})",
            referral.referralId(), attempt);
      }
    }
    throw new IllegalStateException("Could not open or join a contact for referral " + referral.referralId());
  }
}
