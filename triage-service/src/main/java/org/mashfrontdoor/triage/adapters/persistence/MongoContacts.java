package org.mashfrontdoor.triage.adapters.persistence;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.mashfrontdoor.platform.outbox.OutboxedCollection;
import org.mashfrontdoor.triage.adapters.messaging.TriageEvents;
import org.mashfrontdoor.triage.application.Contacts;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.ContactStatus;
import org.mashfrontdoor.triage.domain.Lane;
import org.mashfrontdoor.triage.domain.Rag;
import org.mashfrontdoor.triage.domain.TriageEvent;

/**
 * Contacts in MongoDB, each write carrying its events through the outbox in the same document. The due sheet is
 * the index {@code (status, nextAlarmAt)}; lookups by any of a contact's referrals use the multikey index on
 * {@code referralIds}.
 */
public class MongoContacts implements Contacts {

  public static final String COLLECTION = "contacts";

  private final OutboxedCollection contacts;

  public MongoContacts(OutboxRelay relay) {
    this.contacts = relay.register(COLLECTION, TriageEvents.AGGREGATE_TYPE);
    contacts.collection().createIndex(Indexes.ascending(ContactDocuments.STATUS, ContactDocuments.NEXT_ALARM_AT));
    contacts.collection().createIndex(Indexes.ascending(ContactDocuments.REFERRAL_IDS));
    contacts.collection().createIndex(Indexes.ascending(ContactDocuments.STATUS, ContactDocuments.LANE));
  }

  @Override
  public Optional<Contact> find(String referralId) {
    return Optional.ofNullable(contacts.collection().find(Filters.eq(ContactDocuments.REFERRAL_IDS, referralId))
        .first()).map(ContactDocuments::toContact);
  }

  @Override
  public Optional<Contact> findOpenHolding(Collection<String> referralIds) {
    return Optional.ofNullable(contacts.collection().find(Filters.and(open(),
            Filters.in(ContactDocuments.REFERRAL_IDS, referralIds))).first())
        .map(ContactDocuments::toContact);
  }

  @Override
  public List<Contact> openContacts(Lane lane) {
    Bson filter = lane == null ? open() : Filters.and(open(), Filters.eq(ContactDocuments.LANE, lane.name()));
    return contacts.collection().find(filter).map(ContactDocuments::toContact).into(new ArrayList<>());
  }

  @Override
  public List<Contact> dueAlarms(Instant now, int limit) {
    return contacts.collection()
        .find(Filters.and(open(), Filters.lte(ContactDocuments.NEXT_ALARM_AT, Date.from(now))))
        .sort(Sorts.ascending(ContactDocuments.NEXT_ALARM_AT))
        .limit(limit)
        .map(ContactDocuments::toContact).into(new ArrayList<>());
  }

  @Override
  public Map<Lane, Map<Rag, Long>> countOpen() {
    Map<Lane, Map<Rag, Long>> counts = new EnumMap<>(Lane.class);
    for (Lane lane : Lane.values()) {
      Map<Rag, Long> byRag = new EnumMap<>(Rag.class);
      for (Rag rag : Rag.values()) {
        byRag.put(rag, 0L);
      }
      counts.put(lane, byRag);
    }
    for (Document group : contacts.collection().aggregate(List.of(
        Aggregates.match(open()),
        Aggregates.group(new Document(ContactDocuments.LANE, "$" + ContactDocuments.LANE)
            .append(ContactDocuments.RAG_STATE, "$" + ContactDocuments.RAG_STATE), Accumulators.sum("n", 1))))) {
      Document key = group.get("_id", Document.class);
      counts.get(Lane.valueOf(key.getString(ContactDocuments.LANE)))
          .put(Rag.valueOf(key.getString(ContactDocuments.RAG_STATE)), ((Number) group.get("n")).longValue());
    }
    return counts;
  }

  @Override
  public Write open(Contact contact, List<TriageEvent> events, String handledEventId) {
    return write(contacts.insert(ContactDocuments.toDocument(contact), envelopes(events), handledEventId));
  }

  @Override
  public Write update(Contact changed, long expectedVersion, List<TriageEvent> events, String handledEventId) {
    List<Bson> sets = new ArrayList<>();
    ContactDocuments.state(changed).forEach((field, value) -> sets.add(Updates.set(field, value)));
    return write(contacts.update(changed.contactId(), expectedVersion, Updates.combine(sets), envelopes(events),
        handledEventId));
  }

  private static Bson open() {
    return Filters.eq(ContactDocuments.STATUS, ContactStatus.OPEN.name());
  }

  private static List<org.mashfrontdoor.platform.events.EventEnvelope> envelopes(List<TriageEvent> events) {
    return events.stream().map(TriageEvents::envelope).toList();
  }

  private static Write write(OutboxedCollection.Write write) {
    return Write.valueOf(write.name());
  }
}
