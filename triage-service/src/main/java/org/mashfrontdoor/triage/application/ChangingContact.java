package org.mashfrontdoor.triage.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BiFunction;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.TriageEvent;

/** Read, change by a domain rule, write if unchanged meanwhile; on a conflict, re-read and decide again. */
final class ChangingContact {

  private static final int ATTEMPTS = 5;

  /** The change to make, or the exception the rule threw; {@code events} may be empty. */
  record Change(Contact contact, List<TriageEvent> events) {
  }

  private final Contacts contacts;
  private final Clock clock;

  ChangingContact(Contacts contacts, Clock clock) {
    this.contacts = contacts;
    this.clock = clock;
  }

  /** Returns the contact as written. */
  Contact change(String referralId, BiFunction<Contact, Instant, Change> rule) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Contact contact = contacts.find(referralId).orElseThrow(() -> new UnknownContact(referralId));
      // The store keeps milliseconds; truncating here keeps the events and later reads identical.
      Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      Change change = rule.apply(contact, now);
      switch (contacts.update(contact, change.contact(), change.events(), null)) {
        case APPLIED -> {
          return change.contact();
        }
        case NOT_FOUND -> throw new UnknownContact(referralId);
        default -> {
          // changed meanwhile (another member of staff, or the deadline clock): decide again on the new state
        }
      }
    }
    throw new IllegalStateException("Contact for referral " + referralId + " kept changing");
  }
}
