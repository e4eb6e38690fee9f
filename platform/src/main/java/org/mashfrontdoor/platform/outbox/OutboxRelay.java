package org.mashfrontdoor.platform.outbox;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * Moves events from aggregates' {@code pendingEvents} into the {@code outbox} collection, then (in
 * {@code kafka} mode) the {@link OutboxPublisher} sends them. Step 1 inserts each event under {@code _id} =
 * event id, so a repeat after a crash is a no-op; step 2 pulls the event from its aggregate. A crash between
 * the steps repeats step 1 harmlessly: never a loss, never a second outbox record.
 */
public final class OutboxRelay {

  public static final String OUTBOX = "outbox";

  private final MongoDatabase database;
  private final MongoCollection<Document> outbox;
  private final Clock clock;
  private final int batchSize;
  private final boolean removeOnceInserted;
  private final List<OutboxedCollection> collections = new CopyOnWriteArrayList<>();
  private volatile Runnable whenEventsPending = () -> { };
  private final AtomicLong lastSequence = new AtomicLong();

  public OutboxRelay(MongoDatabase database, Clock clock, int batchSize) {
    this(database, clock, batchSize, false);
  }

  /**
   * {@code removeOnceInserted} (Debezium mode): each outbox record is deleted right after its insert. The change
   * stream Debezium reads keeps the insert event with the whole document, so nothing is lost while the store no
   * longer keeps payloads with personal data; the connector skips the deletes ({@code skipped.operations}). This
   * holds while the connector's longest outage is shorter than the oplog window (docs/adr/0003).
   */
  public OutboxRelay(MongoDatabase database, Clock clock, int batchSize, boolean removeOnceInserted) {
    this.database = database;
    this.removeOnceInserted = removeOnceInserted;
    this.outbox = database.getCollection(OUTBOX);
    this.clock = clock;
    this.batchSize = batchSize;
    outbox.createIndex(Indexes.ascending("sentAt", "sequence"));
  }

  /** Registers an aggregate collection whose events this relay moves. */
  public OutboxedCollection register(String collectionName, String aggregateType) {
    OutboxedCollection collection = new OutboxedCollection(database, collectionName, aggregateType, this);
    collections.add(collection);
    return collection;
  }

  public MongoCollection<Document> outbox() {
    return outbox;
  }

  /** Called after each write that raised events (the {@link OutboxLoop} wakes itself). */
  public void whenEventsPending(Runnable listener) {
    this.whenEventsPending = listener;
  }

  /** A write just raised events: move them now instead of at the next poll. */
  public void nudge() {
    whenEventsPending.run();
  }

  /** The relay's clock reading, stamped on events as they are raised. */
  Instant now() {
    return clock.instant();
  }

  /** Events raised but not yet published, and when the oldest of them was raised (null when none). */
  public record Backlog(long pending, Instant oldestRaisedAt) {
  }

  /**
   * Counts what is still to go out: events waiting in aggregates and, when {@code countUnsent} (this process
   * publishes), outbox records not yet acknowledged. In Debezium mode the connector's own metrics cover the rest.
   * A few queries per call: meant for a cached gauge, not for every scrape.
   */
  public Backlog backlog(boolean countUnsent) {
    long pending = 0;
    Instant oldest = null;
    for (OutboxedCollection collection : collections) {
      for (Document aggregate : collection.collection()
          .find(Filters.exists(OutboxedCollection.PENDING_EVENTS + ".id"))
          .projection(Projections.include(OutboxedCollection.PENDING_EVENTS))) {
        for (Document event : aggregate.getList(OutboxedCollection.PENDING_EVENTS, Document.class, List.of())) {
          pending++;
          // Events raised before raisedAt was stamped count as raised now: present, but not yet old.
          Date raisedAt = event.getDate(OutboxedCollection.RAISED_AT);
          oldest = earlier(oldest, raisedAt == null ? clock.instant() : raisedAt.toInstant());
        }
      }
    }
    if (countUnsent) {
      pending += outbox.countDocuments(Filters.eq("sentAt", null));
      Document first = outbox.find(Filters.eq("sentAt", null)).sort(Sorts.ascending("sequence"))
          .projection(Projections.include("enqueuedAt")).first();
      if (first != null && first.getDate("enqueuedAt") != null) {
        oldest = earlier(oldest, first.getDate("enqueuedAt").toInstant());
      }
    }
    return new Backlog(pending, oldest);
  }

  private static Instant earlier(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  /** Moves up to one batch of pending events per collection; returns how many aggregates it emptied. */
  public int relayPending() {
    int moved = 0;
    for (OutboxedCollection collection : collections) {
      for (Document aggregate : collection.collection()
          .find(Filters.exists(OutboxedCollection.PENDING_EVENTS + ".id"))
          .projection(Projections.include(OutboxedCollection.PENDING_EVENTS))
          .limit(batchSize)) {
        List<Document> pending = aggregate.getList(OutboxedCollection.PENDING_EVENTS, Document.class, List.of());
        if (pending.isEmpty()) {
          continue;
        }
        copyToOutbox(collection.aggregateType(), pending);
        removeFromAggregate(collection, aggregate.get("_id"), pending);
        moved++;
      }
    }
    return moved;
  }

  /** Step 1, public so tests can stop a relay between its steps. */
  public void copyToOutbox(String aggregateType, List<Document> pending) {
    for (Document event : pending) {
      Document record = new Document("_id", event.getString("id"))
          .append("aggregatetype", aggregateType)
          .append("aggregateid", event.getString("aggregateid"))
          .append("type", event.getString("type"))
          .append("payload", event.getString("payload"))
          .append("enqueuedAt", Date.from(clock.instant()))
          .append("sequence", nextSequence())
          .append("sentAt", null);
      try {
        outbox.insertOne(record);
      } catch (MongoWriteException e) {
        if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
      }
      if (removeOnceInserted) {
        outbox.deleteOne(Filters.eq("_id", record.getString("_id")));
      }
    }
  }

  /** Step 2. */
  public void removeFromAggregate(OutboxedCollection collection, Object aggregateId, List<Document> pending) {
    List<String> ids = new ArrayList<>(pending.size());
    pending.forEach(e -> ids.add(e.getString("id")));
    collection.collection().updateOne(Filters.eq("_id", aggregateId),
        Updates.pullByFilter(new Document(OutboxedCollection.PENDING_EVENTS, new Document("id", new Document("$in", ids)))));
  }

  /** Strictly increasing within this process and close to wall time across processes: the publish order. */
  private long nextSequence() {
    long now = clock.millis() * 1000;
    return lastSequence.updateAndGet(last -> Math.max(last + 1, now));
  }
}
