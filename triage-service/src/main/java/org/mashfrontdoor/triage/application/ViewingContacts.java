package org.mashfrontdoor.triage.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.Lane;
import org.mashfrontdoor.triage.domain.Rag;
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

  /** Open contacts, optionally of one lane and/or RAG: urgent first, then the least time left. */
  public List<ContactView> queue(Lane lane, Rag rag) {
    Instant now = clock.instant();
    return contacts.openContacts(lane).stream()
        .sorted(Contact.QUEUE_ORDER)
        .map(contact -> view(contact, ragPolicy, now))
        .filter(view -> rag == null || view.rag() == rag)
        .toList();
  }

  /** The contact holding {@code referralId}, whichever of its referrals that is. */
  public ContactView contact(String referralId) {
    Contact contact = contacts.find(referralId).orElseThrow(() -> new UnknownContact(referralId));
    return view(contact, ragPolicy, clock.instant());
  }

  static ContactView view(Contact contact, RagPolicy ragPolicy, Instant now) {
    return new ContactView(contact, contact.rag(ragPolicy, now), contact.timeRemaining(now));
  }
}
