package org.mashfrontdoor.platform.outbox;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.persistence.DuplicateKeys;

/**
 * A collection of aggregates that publish events through the transactional outbox without multi-document
 * transactions: each write puts the state change, the events it raised ({@value #PENDING_EVENTS}) and, for a
 * write caused by a consumed event, that event's id ({@value #HANDLED_EVENT_IDS}) into ONE document in ONE
 * update. Single-document atomicity holds on mongo-java-server and on a replica set alike (docs/adr/0002).
 * The {@link OutboxRelay} later moves pending events into the {@code outbox} collection.
 */
public final class OutboxedCollection {

  public static final String VERSION = "version";
  public static final String PENDING_EVENTS = "pendingEvents";
  public static final String HANDLED_EVENT_IDS = "handledEventIds";
  /** When a pending event was raised: the outbox backlog's oldest age counts from here. */
  public static final String RAISED_AT = "raisedAt";

  /** The outcome of a conditional write. */
  public enum Write {
    APPLIED,
    /** The consumed event was already handled: nothing changed (the idempotent-consumer case). */
    ALREADY_HANDLED,
    /** Someone else changed the document first (or it already exists): re-read and decide again. */
    CONFLICT,
    NOT_FOUND
  }

  private final MongoCollection<Document> collection;
  private final String aggregateType;
  private final OutboxRelay relay;

  OutboxedCollection(MongoDatabase database, String collectionName, String aggregateType, OutboxRelay relay) {
    // An acknowledged write must survive a crash and a failover: majority, journaled.
    this.collection = database.getCollection(collectionName).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    this.aggregateType = aggregateType;
    this.relay = relay;
    collection.createIndex(Indexes.ascending(PENDING_EVENTS + ".id"));
  }

  public MongoCollection<Document> collection() {
    return collection;
  }

  public String aggregateType() {
    return aggregateType;
  }

  public Optional<Document> find(Object id) {
    return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first());
  }

  /** A new aggregate's state, the events it raised, and the consumed event that caused it (or null). */
  public record Insert(Document state, List<EventEnvelope> events, String handledEventId) {
  }

  /**
   * Inserts a new aggregate (version 1) with its events. A second insert of the same {@code _id} is
   * {@link Write#ALREADY_HANDLED} when it came from the same consumed event, otherwise {@link Write#CONFLICT}.
   */
  public Write insert(Document state, List<EventEnvelope> events, String handledEventId) {
    return insertAll(List.of(new Insert(state, events, handledEventId))).getFirst();
  }

  /**
   * Inserts many new aggregates in one unordered write (one round trip, one commit on the local store), each
   * answered as {@link #insert} would answer it, in order. A fault is thrown as it is (every insert here is safe to
   * repeat): the events of any that went in then wait for the relay's sweep, as they do after a crash.
   */
  public List<Write> insertAll(List<Insert> inserts) {
    if (inserts.isEmpty()) {
      return List.of();
    }
    List<Document> docs = new ArrayList<>(inserts.size());
    for (Insert insert : inserts) {
      Document doc = new Document(insert.state());
      doc.put(VERSION, 1L);
      doc.put(PENDING_EVENTS, pendingDocuments(insert.events()));
      doc.put(HANDLED_EVENT_IDS, insert.handledEventId() == null ? List.of() : List.of(insert.handledEventId()));
      docs.add(doc);
    }
    Set<Integer> duplicates = DuplicateKeys.insertAll(collection, docs);
    List<Write> writes = new ArrayList<>(inserts.size());
    for (int i = 0; i < inserts.size(); i++) {
      Insert insert = inserts.get(i);
      Object id = insert.state().get("_id");
      if (!duplicates.contains(i)) {
        if (!insert.events().isEmpty()) {
          relay.raised(this, id, docs.get(i).getList(PENDING_EVENTS, Document.class));
        }
        writes.add(Write.APPLIED);
      } else {
        writes.add(insert.handledEventId() != null && alreadyHandled(id, insert.handledEventId())
            ? Write.ALREADY_HANDLED : Write.CONFLICT);
      }
    }
    return writes;
  }

  /**
   * Applies {@code changes} to the aggregate if it is still at {@code expectedVersion} and, when
   * {@code handledEventId} is given, has not handled that event yet; appends {@code events} in the same write.
   */
  public Write update(Object id, long expectedVersion, Bson changes, List<EventEnvelope> events,
      String handledEventId) {
    List<String> handled = handledEventId == null ? List.of() : List.of(handledEventId);
    Bson filter = versioned(id, expectedVersion, handled);
    List<Bson> updates = new ArrayList<>(List.of(versioned(changes, handled)));
    if (!events.isEmpty()) {
      updates.add(Updates.pushEach(PENDING_EVENTS, pendingDocuments(events)));
    }
    if (events.isEmpty()) {
      if (collection.updateOne(filter, Updates.combine(updates)).getMatchedCount() == 1) {
        return Write.APPLIED;
      }
    } else {
      // The same one write, answering with the events it leaves pending: the relay needs no read to find them.
      Document pending = collection.findOneAndUpdate(filter, Updates.combine(updates),
          new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
              .projection(Projections.include(PENDING_EVENTS)));
      if (pending != null) {
        relay.raised(this, id, pending.getList(PENDING_EVENTS, Document.class, List.of()));
        return Write.APPLIED;
      }
    }
    Document current = collection.find(Filters.eq("_id", id)).first();
    if (current == null) {
      return Write.NOT_FOUND;
    }
    if (handledEventId != null && current.getList(HANDLED_EVENT_IDS, String.class, List.of()).contains(handledEventId)) {
      return Write.ALREADY_HANDLED;
    }
    return Write.CONFLICT;
  }

  /** A version-checked change that raises no events, caused by the consumed events {@code handledEventIds}. */
  public record Update(Object id, long expectedVersion, Bson changes, List<String> handledEventIds) {
  }

  /**
   * Applies each update as {@link #update} would, in one unordered write (one round trip, one commit on the local
   * store). Answers whether every one applied. The write tells how many matched, not which, so when not all did the
   * caller re-reads and decides again; an update that applied is then known by its handled event ids.
   */
  public boolean updateAll(List<Update> updates) {
    if (updates.isEmpty()) {
      return true;
    }
    List<WriteModel<Document>> writes = new ArrayList<>(updates.size());
    for (Update update : updates) {
      writes.add(new UpdateOneModel<>(versioned(update.id(), update.expectedVersion(), update.handledEventIds()),
          versioned(update.changes(), update.handledEventIds())));
    }
    return collection.bulkWrite(writes, new BulkWriteOptions().ordered(false)).getMatchedCount() == updates.size();
  }

  /** The aggregate {@code id} at {@code version}, not having handled any of {@code handledEventIds}. */
  private static Bson versioned(Object id, long version, List<String> handledEventIds) {
    List<Bson> filters = new ArrayList<>(List.of(Filters.eq("_id", id), Filters.eq(VERSION, version)));
    if (!handledEventIds.isEmpty()) {
      filters.add(Filters.nin(HANDLED_EVENT_IDS, handledEventIds));
    }
    return Filters.and(filters);
  }

  /** {@code changes}, the next version, and the consumed events {@code handledEventIds} marked handled. */
  private static Bson versioned(Bson changes, List<String> handledEventIds) {
    List<Bson> updates = new ArrayList<>(List.of(changes, Updates.inc(VERSION, 1L)));
    if (!handledEventIds.isEmpty()) {
      updates.add(Updates.addEachToSet(HANDLED_EVENT_IDS, handledEventIds));
    }
    return Updates.combine(updates);
  }

  private boolean alreadyHandled(Object id, String eventId) {
    return collection.countDocuments(Filters.and(Filters.eq("_id", id), Filters.eq(HANDLED_EVENT_IDS, eventId))) > 0;
  }

  private List<Document> pendingDocuments(List<EventEnvelope> events) {
    List<Document> pending = new ArrayList<>(events.size());
    for (EventEnvelope event : events) {
      pending.add(new Document("id", event.id())
          .append("type", event.type())
          .append("aggregateid", event.subject())
          .append("payload", EventJson.write(event))
          .append(RAISED_AT, java.util.Date.from(relay.now())));
    }
    return pending;
  }
}
