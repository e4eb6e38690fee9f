package org.mashfrontdoor.platform.outbox;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Moves events from aggregates' {@code pendingEvents} on towards Kafka, then pulls them from their aggregate. In
 * {@code kafka} mode ({@link #publishDirectly}) the {@link OutboxPublisher} sends them straight to the broker and
 * they are pulled once acknowledged; a crash or outage before the pull sends them again, and consumers dedupe by
 * event id. Otherwise (Debezium mode, where the connector reads the {@code outbox} collection) step 1 inserts each
 * event there under {@code _id} = event id, so a repeat after a crash is a no-op, and step 2 pulls it. Either way:
 * never a loss.
 *
 * <p>Finding what to move costs no read: each write that raised events hands the relay its aggregate's pending
 * events as that write left them ({@link #raised}; an update returns them itself). A sweep over {@code pendingEvents.id} runs at the first pass and
 * then every {@code sweepInterval}: it catches what no name reached this process (a crash between write and relay,
 * or another instance that died), so the hot path never scans a collection that grows with the data.
 */
public final class OutboxRelay {

  public static final String OUTBOX = "outbox";

  private final MongoDatabase database;
  private final MongoCollection<Document> outbox;
  private final Clock clock;
  private final int batchSize;
  private final boolean removeOnceInserted;
  private final List<OutboxedCollection> collections = new CopyOnWriteArrayList<>();
  /** Aggregates held in memory at most: a long burst of writes must not exhaust the heap (the store holds them). */
  static final int MOST_NAMED = 10_000;

  /** Each named aggregate with the pending events the writes naming it left (merged when named again). */
  private final Map<Raised, List<Document>> raised = new ConcurrentHashMap<>();
  private final long sweepIntervalNanos;
  private volatile long nextSweepAtNanos;
  private volatile boolean swept;
  private volatile int mostNamed = MOST_NAMED;
  private volatile Runnable whenEventsPending = () -> { };
  private final AtomicLong lastSequence = new AtomicLong();
  private volatile OutboxPublisher directPublisher;

  /** An aggregate that raised events, named by the write that raised them. */
  private record Raised(OutboxedCollection collection, Object aggregateId) {
  }

  public OutboxRelay(MongoDatabase database, Clock clock, int batchSize) {
    this(database, clock, batchSize, false);
  }

  public OutboxRelay(MongoDatabase database, Clock clock, int batchSize, boolean removeOnceInserted) {
    this(database, clock, batchSize, removeOnceInserted, DEFAULT_SWEEP_INTERVAL);
  }

  /** How often the relay also looks for pending events no write named to it (see the class comment). */
  public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofMinutes(5);

  /**
   * {@code removeOnceInserted} (Debezium mode): each outbox record is deleted right after its insert. The change
   * stream Debezium reads keeps the insert event with the whole document, so nothing is lost while the store no
   * longer keeps payloads with personal data; the connector skips the deletes ({@code skipped.operations}). This
   * holds while the connector's longest outage is shorter than the oplog window (docs/adr/0003).
   */
  public OutboxRelay(MongoDatabase database, Clock clock, int batchSize, boolean removeOnceInserted,
      Duration sweepInterval) {
    this.database = database;
    this.sweepIntervalNanos = sweepInterval.toNanos();
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

  /**
   * Kafka mode: each aggregate's pending events go straight to the broker through {@code publisher} and are pulled
   * once acknowledged, instead of being copied into the {@code outbox} collection for the publisher to read, send
   * and delete: three store operations fewer per event (issue 12). Debezium mode keeps the copy, which is what the
   * connector reads.
   */
  public void publishDirectly(OutboxPublisher publisher) {
    this.directPublisher = publisher;
  }

  public boolean publishesDirectly() {
    return directPublisher != null;
  }

  /** The database whose collections this relay serves, for an adapter's own collections beside them. */
  public MongoDatabase database() {
    return database;
  }

  public MongoCollection<Document> outbox() {
    return outbox;
  }

  /** Called after each write that raised events (the {@link OutboxLoop} wakes itself). */
  public void whenEventsPending(Runnable listener) {
    this.whenEventsPending = listener;
  }

  /**
   * A write just raised events on this aggregate, leaving {@code pending} in it: move them now instead of at the next
   * poll.
   */
  void raised(OutboxedCollection collection, Object aggregateId, List<Document> pending) {
    Raised aggregate = new Raised(collection, aggregateId);
    if (raised.size() >= mostNamed && !raised.containsKey(aggregate)) {
      // Writes outrun the relay: memory stays bounded and the sweep finds these in the store, where they are.
      swept = false;
    } else {
      // Two writers' names can arrive out of order: keep every event either list holds, the older list's first.
      raised.merge(aggregate, pending, OutboxRelay::union);
    }
    whenEventsPending.run();
  }

  /** At most this many aggregates' events are held for the relay in memory (default {@value #MOST_NAMED}). */
  void holdAtMost(int aggregates) {
    this.mostNamed = aggregates;
  }

  /** How many aggregates' events are held for the relay now. */
  int named() {
    return raised.size();
  }

  private static List<Document> union(List<Document> first, List<Document> then) {
    Set<String> ids = new HashSet<>();
    List<Document> both = new ArrayList<>(first.size() + then.size());
    for (Document event : first) {
      if (ids.add(event.getString("id"))) {
        both.add(event);
      }
    }
    for (Document event : then) {
      if (ids.add(event.getString("id"))) {
        both.add(event);
      }
    }
    return both;
  }

  /** The relay's clock reading, stamped on events as they are raised. */
  Instant now() {
    return clock.instant();
  }

  /** Events raised but not yet published, and when the oldest of them was raised (null when none). */
  public record Backlog(long pending, Instant oldestRaisedAt) {
  }

  /**
   * Counts what is still to go out: events waiting in the aggregates writes named to this relay and not yet moved
   * (each read by {@code _id}: a scan of every aggregate here grew with the data, ADR 0014) and, when
   * {@code countUnsent} (this process publishes), outbox records not yet acknowledged (a small collection: records
   * leave it once Kafka acknowledges them). In Debezium mode the connector's own metrics cover the rest. Events no
   * write in this process named (another instance's, or from before a restart) show once a sweep has moved them.
   * A few queries per call: meant for a cached gauge, not for every scrape.
   */
  public Backlog backlog(boolean countUnsent) {
    long pending = 0;
    Instant oldest = null;
    for (Raised named : List.copyOf(raised.keySet())) {
      Document aggregate = named.collection().collection().find(Filters.eq("_id", named.aggregateId()))
          .projection(Projections.include(OutboxedCollection.PENDING_EVENTS)).first();
      if (aggregate != null) {
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

  /**
   * Moves the events of every aggregate named since the last call, then, when a sweep is due, up to one batch per
   * collection of any other aggregate holding events; returns how many aggregates it emptied.
   */
  public int relayPending() {
    int moved = 0;
    RuntimeException failed = null;
    try {
      moved = relayRaised();
    } catch (RuntimeException e) {
      failed = e; // still sweep: one named event the broker refuses must not hold back what waits in the store
    }
    if (!swept || System.nanoTime() - nextSweepAtNanos >= 0) {
      try {
        moved += sweep();
      } catch (RuntimeException e) {
        if (failed == null) {
          throw e;
        }
        failed.addSuppressed(e);
      }
    }
    if (failed != null) {
      throw failed;
    }
    return moved;
  }

  private int relayRaised() {
    Map<Raised, List<Document>> named = new HashMap<>();
    List<Holding> holding = new ArrayList<>();
    try {
      for (Raised aggregate : List.copyOf(raised.keySet())) {
        // Removed first: a write naming it again meanwhile puts it back, so its new events are not skipped.
        List<Document> pending = raised.remove(aggregate);
        if (pending != null) {
          named.put(aggregate, pending);
          holding.add(new Holding(aggregate.collection(), aggregate.aggregateId(), pending));
        }
      }
      return moveAll(holding);
    } catch (RuntimeException e) {
      // The store or the broker is away: these again on the next pass, with what newer writes named meanwhile.
      named.forEach((aggregate, pending) -> raised.merge(aggregate, pending, (newer, older) -> union(older, newer)));
      throw e;
    }
  }

  /** One batch per collection by the {@code pendingEvents.id} index; sweeps again at once while batches come back full. */
  private int sweep() {
    // Marked first: a write asking for a sweep while this one runs (raised) is then not overwritten.
    swept = true;
    nextSweepAtNanos = System.nanoTime() + sweepIntervalNanos;
    int moved = 0;
    boolean again = true;
    try {
      boolean full = false;
      for (OutboxedCollection collection : collections) {
        List<Holding> holding = new ArrayList<>();
        int found = 0;
        for (Document aggregate : collection.collection()
            .find(Filters.exists(OutboxedCollection.PENDING_EVENTS + ".id"))
            .projection(Projections.include(OutboxedCollection.PENDING_EVENTS))
            .limit(batchSize)) {
          found++;
          // One held by name goes with its name, in order, and is not sent twice meanwhile.
          if (!raised.containsKey(new Raised(collection, aggregate.get("_id")))) {
            holding.add(new Holding(collection, aggregate.get("_id"),
                aggregate.getList(OutboxedCollection.PENDING_EVENTS, Document.class, List.of())));
          }
        }
        moved += moveAll(holding);
        full |= found >= batchSize;
      }
      again = full;
    } finally {
      if (again) {
        swept = false; // a full batch, or a failure: sweep again on the next pass
      }
    }
    return moved;
  }

  /** An aggregate and the events it holds, in order. */
  private record Holding(OutboxedCollection collection, Object id, List<Document> pending) {
  }

  /** Moves the events of each aggregate, in order; returns how many aggregates it emptied. */
  private int moveAll(List<Holding> holding) {
    List<Holding> withEvents = holding.stream().filter(h -> !h.pending().isEmpty()).toList();
    OutboxPublisher sender = directPublisher;
    if (sender == null) {
      for (Holding aggregate : withEvents) {
        copyToOutbox(aggregate.collection().aggregateType(), aggregate.pending());
        removeFromAggregate(aggregate.collection(), aggregate.id(), aggregate.pending());
      }
      return withEvents.size();
    }
    int emptied = 0;
    int unacknowledged = 0;
    for (int from = 0; from < withEvents.size(); from += batchSize) {
      List<Holding> batch = withEvents.subList(from, Math.min(withEvents.size(), from + batchSize));
      List<OutboxPublisher.Outgoing> events = new ArrayList<>();
      for (Holding aggregate : batch) {
        for (Document event : aggregate.pending()) {
          events.add(new OutboxPublisher.Outgoing(event.getString("id"), aggregate.collection().aggregateType(),
              event.getString("aggregateid"), event.getString("type"), event.getString("payload")));
        }
      }
      // Pulled only once the broker has them: a crash or an outage before the pull sends them again (consumers
      // dedupe by event id), never loses them. Each aggregate's own acknowledged prefix: order holds per aggregate.
      List<Boolean> acknowledged = sender.send(events);
      // One bulk write per collection for the batch: one round trip and one commit, not one per aggregate.
      Map<OutboxedCollection, List<WriteModel<Document>>> pulls = new LinkedHashMap<>();
      int position = 0;
      for (Holding aggregate : batch) {
        List<Document> pending = aggregate.pending();
        int sent = 0;
        while (sent < pending.size() && acknowledged.get(position + sent)) {
          sent++;
        }
        if (sent > 0) {
          pulls.computeIfAbsent(aggregate.collection(), c -> new ArrayList<>())
              .add(new UpdateOneModel<>(Filters.eq("_id", aggregate.id()), pull(pending.subList(0, sent))));
        }
        emptied += sent == pending.size() ? 1 : 0;
        unacknowledged += pending.size() - sent;
        position += pending.size();
      }
      pulls.forEach((collection, models) ->
          collection.collection().bulkWrite(models, new BulkWriteOptions().ordered(false)));
    }
    if (unacknowledged > 0) {
      throw new NotAcknowledged(unacknowledged);
    }
    return emptied;
  }

  /** The broker did not acknowledge every event sent: they stay in their aggregates and go on a later pass. */
  public static final class NotAcknowledged extends RuntimeException {

    NotAcknowledged(int unacknowledged) {
      super(unacknowledged + " outbox event(s) not acknowledged by the broker; kept to send again", null, false,
          false);
    }
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
    collection.collection().updateOne(Filters.eq("_id", aggregateId), pull(pending));
  }

  /** The update that takes these events, by id, out of their aggregate's pending events. */
  private static Bson pull(List<Document> pending) {
    List<String> ids = new ArrayList<>(pending.size());
    pending.forEach(e -> ids.add(e.getString("id")));
    return Updates.pullByFilter(new Document(OutboxedCollection.PENDING_EVENTS, new Document("id", new Document("$in", ids))));
  }

  /** Strictly increasing within this process and close to wall time across processes: the publish order. */
  private long nextSequence() {
    long now = clock.millis() * 1000;
    return lastSequence.updateAndGet(last -> Math.max(last + 1, now));
  }
}
