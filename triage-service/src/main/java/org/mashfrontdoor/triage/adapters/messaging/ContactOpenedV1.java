package org.mashfrontdoor.triage.adapters.messaging;

import java.time.Instant;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.ContactOpened;

/** Data of {@code triage.contact-opened.v1} (docs/events.md). */
public record ContactOpenedV1(String contactId, String referralId, String reference, Instant receivedAt,
    Instant decisionDueBy, boolean urgent, String rag) {

  public static final String TYPE = "triage.contact-opened.v1";

  public static EventEnvelope eventFor(ContactOpened opened) {
    Contact contact = opened.contact();
    ContactOpenedV1 data = new ContactOpenedV1(contact.referralId(), contact.referralId(), contact.reference(),
        contact.receivedAt(), contact.decisionDueBy(), contact.urgent(), opened.rag().name());
    return EventEnvelope.create(TriageEvents.SOURCE, TYPE, contact.referralId(), opened.at(), data);
  }
}
