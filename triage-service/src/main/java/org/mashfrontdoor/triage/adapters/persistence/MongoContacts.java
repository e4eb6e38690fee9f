package org.mashfrontdoor.triage.adapters.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.mashfrontdoor.platform.outbox.OutboxedCollection;
import org.mashfrontdoor.triage.adapters.messaging.ContactOpenedV1;
import org.mashfrontdoor.triage.adapters.messaging.DecisionRecordedV1;
import org.mashfrontdoor.triage.adapters.messaging.TriageEvents;
import org.mashfrontdoor.triage.application.Contacts;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.ContactOpened;
import org.mashfrontdoor.triage.domain.ContactStatus;
import org.mashfrontdoor.triage.domain.DecisionRecorded;

/** Contacts in MongoDB, each write carrying its event through the outbox in the same document. */
public class MongoContacts implements Contacts {

  static final String COLLECTION = "contacts";

  private final OutboxedCollection contacts;

  public MongoContacts(OutboxRelay relay) {
    this.contacts = relay.register(COLLECTION, TriageEvents.AGGREGATE_TYPE);
    contacts.collection().createIndex(Indexes.ascending(ContactDocuments.STATUS));
  }

  @Override
  public Optional<Contact> find(String referralId) {
    return contacts.find(referralId).map(ContactDocuments::toContact);
  }

  @Override
  public List<Contact> openContacts() {
    return contacts.collection().find(Filters.eq(ContactDocuments.STATUS, ContactStatus.OPEN.name()))
        .map(ContactDocuments::toContact).into(new ArrayList<>());
  }

  @Override
  public Write open(ContactOpened opened, String handledEventId) {
    return write(contacts.insert(ContactDocuments.toDocument(opened.contact()),
        List.of(ContactOpenedV1.eventFor(opened)), handledEventId));
  }

  @Override
  public Write recordDecision(DecisionRecorded recorded, long expectedVersion) {
    Contact contact = recorded.contact();
    Document decision = ContactDocuments.toDocument(contact.decision());
    return write(contacts.update(contact.referralId(), expectedVersion,
        Updates.combine(Updates.set(ContactDocuments.STATUS, contact.status().name()),
            Updates.set(ContactDocuments.DECISION, decision)),
        List.of(DecisionRecordedV1.eventFor(recorded)), null));
  }

  private static Write write(OutboxedCollection.Write write) {
    return Write.valueOf(write.name());
  }
}
