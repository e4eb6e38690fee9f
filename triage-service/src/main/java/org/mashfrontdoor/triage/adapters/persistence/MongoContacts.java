package org.mashfrontdoor.triage.adapters.persistence;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.mashfrontdoor.platform.deadlines.Warnings;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.mashfrontdoor.platform.paging.PageWindow;
import org.mashfrontdoor.platform.persistence.AlarmsBySecond;
import org.mashfrontdoor.platform.persistence.Scans;
import org.mashfrontdoor.platform.persistence.RoundTripsAtOnce;
import org.mashfrontdoor.platform.outbox.OutboxedCollection;
import org.mashfrontdoor.triage.application.Contacts;
import org.mashfrontdoor.triage.application.OutgoingTriageEvents;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.ContactStatus;
import org.mashfrontdoor.triage.domain.Lane;
import org.mashfrontdoor.triage.domain.Rag;
import org.mashfrontdoor.triage.domain.TriageEvent;

/**
 * Contacts in MongoDB, each write carrying its events through the outbox in the same document. The due sheet is
 * {@link AlarmsBySecond} over {@value #ALARMS} (each write files the contact's next alarm first), with the query on
 * the index {@code (status, nextAlarmAt)} as its safety net.
 *
 * <p>Finding a referral's contact is key lookups only: a contact's {@code _id} is the referral that opened it, and a
 * referral that joined a contact is filed in {@value #JOINED} ({@code _id} = the referral, {@code contactId}) before
 * the contact's write. The contact stays the truth: a filing whose join was never written (the write lost a race, or
 * the process died) finds a contact that does not list the referral, and counts as not found.
 */
public class MongoContacts implements Contacts {

  public static final String COLLECTION = "contacts";
  static final String JOINED = "joinedReferrals";
  public static final String ALARMS = "contactAlarms";
  private static final String CONTACT_ID = "contactId";
  /** The {@value #JOINED} document that says the joins of a store from before it were filed (never a referral id). */
  static final String EARLIER_JOINS_FILED = "#earlier-joins-filed";

  private final OutboxedCollection contacts;
  private final MongoCollection<Document> joined;
  private final AlarmsBySecond<Contact> alarms;
  private final QueueSheets queue;
  private final OutgoingTriageEvents events;

  public MongoContacts(OutboxRelay relay, Clock clock, OutgoingTriageEvents events) {
    this.contacts = relay.register(COLLECTION, OutgoingTriageEvents.AGGREGATE_TYPE);
    this.events = events;
    this.joined = relay.database().getCollection(JOINED).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    this.alarms = new AlarmsBySecond<>(relay.database(), ALARMS, clock, new AlarmsBySecond.Clocked<>(contacts.collection(), open(),
        ContactDocuments.NEXT_ALARM_AT, ContactDocuments::toContact, Contact::contactId,
        c -> c.status() == ContactStatus.OPEN ? c.nextAlarmAt() : null));
    contacts.collection().createIndex(Indexes.ascending(ContactDocuments.STATUS, ContactDocuments.NEXT_ALARM_AT));
    this.queue = new QueueSheets(relay.database(), contacts.collection(), clock);
    fileEarlierJoinsOnce();
  }

  @Override
  public Map<String, Contact> findAll(Collection<String> referralIds) {
    Map<String, Contact> found = openedBy(referralIds);
    List<String> notOpeners = referralIds.stream().filter(id -> !found.containsKey(id)).distinct().toList();
    if (notOpeners.isEmpty()) {
      return found;
    }
    Map<String, String> filed = new HashMap<>();
    joined.find(Filters.in("_id", notOpeners)).forEach(d -> filed.put(d.getString("_id"), d.getString(CONTACT_ID)));
    if (filed.isEmpty()) {
      return found;
    }
    Map<String, Contact> joinedTo = new HashMap<>();
    contacts.collection().find(Filters.in("_id", new HashSet<>(filed.values())))
        .forEach(d -> joinedTo.put(d.getString("_id"), ContactDocuments.toContact(d)));
    filed.forEach((referralId, contactId) -> {
      Contact contact = joinedTo.get(contactId);
      if (contact != null && contact.referralIds().contains(referralId)) {
        found.put(referralId, contact);
      }
    });
    return found;
  }

  /** A contact's {@code _id} is the referral that opened it: one read by key. */
  @Override
  public Map<String, Contact> openedBy(Collection<String> referralIds) {
    Map<String, Contact> opened = new HashMap<>();
    contacts.collection().find(Filters.in("_id", referralIds))
        .forEach(d -> opened.put(d.getString("_id"), ContactDocuments.toContact(d)));
    return opened;
  }

  @Override
  public Optional<Contact> findOpenHolding(Collection<String> referralIds) {
    Map<String, Contact> found = findAll(referralIds);
    return referralIds.stream().map(found::get).filter(Objects::nonNull)
        .filter(contact -> contact.status() == ContactStatus.OPEN).findFirst();
  }

  /** Files each referral on the contact but the one that opened it: idempotent, so a retried join files again. */
  private void fileJoins(Contact contact) {
    for (String referralId : contact.referralIds()) {
      if (!referralId.equals(contact.contactId())) {
        joined.replaceOne(Filters.eq("_id", referralId), new Document("_id", referralId)
            .append(CONTACT_ID, contact.contactId()), new ReplaceOptions().upsert(true));
      }
    }
  }

  /**
   * Stores written before {@value #JOINED} existed: file their joins once, at start-up (a single scan), then mark
   * that done by key. Asking whether anything was filed instead scanned every contact at each start of a store where
   * no referral had joined one (2.8 s at 39,000 contacts on the stand-in).
   */
  private void fileEarlierJoinsOnce() {
    if (joined.find(Filters.eq("_id", EARLIER_JOINS_FILED)).first() != null) {
      return;
    }
    contacts.collection().find(Filters.exists(ContactDocuments.REFERRAL_IDS + ".1")).batchSize(Scans.BATCH)
        .forEach(d -> fileJoins(ContactDocuments.toContact(d)));
    joined.replaceOne(Filters.eq("_id", EARLIER_JOINS_FILED), new Document("_id", EARLIER_JOINS_FILED),
        new ReplaceOptions().upsert(true));
  }

  @Override
  public Queue queue(Lane lane, Rag rag, Function<Instant, Rag> ragNow, PageWindow window) {
    return queue.queue(lane, rag, ragNow, window);
  }

  @Override
  public List<Contact> dueAlarms(Instant now, int limit) {
    return alarms.due(now, limit);
  }

  @Override
  public Map<Lane, Map<Rag, Long>> countOpen(Function<Instant, Rag> ragNow) {
    return queue.counts(ragNow);
  }

  @Override
  public List<Write> openAll(List<Opening> openings) {
    if (openings.isEmpty()) {
      return List.of(); // a poll delivered again: every referral on its contact already
    }
    // Both before the contacts' write (none is ever unfiled or unlisted), neither needing the other: sent at once.
    List<AlarmsBySecond.Filing> filings = openings.stream().map(o -> new AlarmsBySecond.Filing(
        o.contact().contactId(), Warnings.storable(o.contact().nextAlarmAt()))).toList();
    RoundTripsAtOnce.run(() -> alarms.fileAll(filings),
        () -> queue.listAll(openings.stream().map(Opening::contact).toList()));
    return contacts.insertAll(openings.stream().map(o -> new OutboxedCollection.Insert(
        ContactDocuments.toDocument(o.contact()), envelopes(o.events()), o.handledEventId())).toList())
        .stream().map(MongoContacts::write).toList();
  }

  @Override
  public Write update(Contact current, Contact changed, List<TriageEvent> events, String handledEventId) {
    if (events.stream().anyMatch(TriageEvent.ReferralJoined.class::isInstance)) {
      fileJoins(changed);
    }
    alarms.file(changed.contactId(), Warnings.storable(changed.nextAlarmAt()));
    queue.beforeWrite(current, changed);
    List<Bson> sets = new ArrayList<>();
    ContactDocuments.state(changed).forEach((field, value) -> sets.add(Updates.set(field, value)));
    Write write = write(contacts.update(changed.contactId(), current.version(), Updates.combine(sets),
        envelopes(events), handledEventId));
    if (write == Write.APPLIED) {
      queue.afterWrite(current, changed);
    }
    return write;
  }

  private static Bson open() {
    return Filters.eq(ContactDocuments.STATUS, ContactStatus.OPEN.name());
  }

  private List<org.mashfrontdoor.platform.events.EventEnvelope> envelopes(List<TriageEvent> changes) {
    return changes.stream().map(events::envelope).toList();
  }

  private static Write write(OutboxedCollection.Write write) {
    return Write.valueOf(write.name());
  }
}
