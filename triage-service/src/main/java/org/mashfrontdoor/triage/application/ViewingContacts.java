package org.mashfrontdoor.triage.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.RagPolicy;

/** The front-door queue and single contacts, with RAG computed from the clock at the moment of asking. */
public class ViewingContacts {

  private final Contacts contacts;
  private final RagPolicy ragPolicy;
  private final Clock clock;

  public ViewingContacts(Contacts contacts, RagPolicy ragPolicy, Clock clock) {
    this.contacts = contacts;
    this.ragPolicy = ragPolicy;
    this.clock = clock;
  }

  /** Open contacts, urgent first, then the soonest deadline. */
  public List<ContactView> queue() {
    Instant now = clock.instant();
    return contacts.openContacts().stream()
        .sorted(Contact.QUEUE_ORDER)
        .map(contact -> view(contact, ragPolicy, now))
        .toList();
  }

  public ContactView contact(String referralId) {
    Contact contact = contacts.find(referralId).orElseThrow(() -> new UnknownContact(referralId));
    return view(contact, ragPolicy, clock.instant());
  }

  static ContactView view(Contact contact, RagPolicy ragPolicy, Instant now) {
    return new ContactView(contact, contact.rag(ragPolicy, now), contact.timeRemaining(now));
  }
}
