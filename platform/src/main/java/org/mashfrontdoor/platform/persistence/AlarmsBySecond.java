package org.mashfrontdoor.platform.persistence;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A due sheet read by key: one document per second ({@code _id} = seconds since the epoch) listing the aggregates
 * whose next alarm falls in it. "What is due now" reads those seconds by {@code _id}, then those aggregates by
 * {@code _id}: its cost follows what is due, never how many aggregates wait (a scan of a million open contacts on the
 * stand-in store took about a second per poll). A second, not a minute: a minute's document listed every contact
 * received in that minute, and adding to a list of thousands cost tens of milliseconds per write on the stand-in.
 *
 * <p>The aggregate stays the truth. Its alarm is filed before the aggregate's write, so an alarm is never stored
 * unfiled; a filing the write never followed, or an alarm that moved, is dropped on reading because the aggregate
 * itself says whether it is due. A writer files at its own clock's second at the earliest, so a late filing lands in
 * a second not long past. Each read covers the seconds since the last one, the {@link #RECENT} seconds before it (a
 * filing whose write was under way then) and the seconds where something was still due; every
 * {@link #FULL_READ_INTERVAL} one read covers every second still kept (a filing held up longer). A second is removed
 * once nothing in it is due and it is older than {@link #SETTLING}; a clock that steps back makes the next read start
 * again from the first second filed. As a safety net against what no filing reached, the due query the sheet
 * replaces (an index walk on MongoDB) runs at the first read and every {@link #SWEEP_INTERVAL} after.
 *
 * @param <T> the clocked aggregate
 */
public final class AlarmsBySecond<T> {

  /** How long a passed second is kept after nothing in it is due: far longer than one filing-then-write. */
  public static final Duration SETTLING = Duration.ofMinutes(5);
  public static final Duration SWEEP_INTERVAL = Duration.ofMinutes(15);
  /** Read again at every read, behind the last second read: a filing whose write was under way at that read. */
  public static final Duration RECENT = Duration.ofSeconds(10);
  /** How often one read covers every second still kept: a filing whose write took longer than {@link #RECENT}. */
  public static final Duration FULL_READ_INTERVAL = Duration.ofSeconds(30);
  /** Seconds read in one query. After an outage the sheet catches up this many per query. */
  private static final int SECONDS_PER_READ = 1_440;
  private static final int IDS_PER_READ = 500;
  private static final String IDS = "ids";
  /** Marks a sheet whose earlier alarms were all filed (its other documents' {@code _id}s are numbers). */
  private static final String FILED_EARLIER = "filedEarlier";
  /** Seconds since the epoch start here (2001); smaller numbers are minutes a version before wrote, never read. */
  private static final long FIRST_SECOND = 1_000_000_000L;

  /**
   * The clocked aggregates: their collection, the filter for those on the clock, the field holding the next alarm
   * (both indexed together on MongoDB), how a document maps, and what the due sheet reads of an aggregate.
   *
   * @param pendingAlarm the aggregate's next alarm, or null when it is off the clock (closed, or nothing left)
   */
  public record Clocked<T>(MongoCollection<Document> collection, Bson onTheClock, String alarmField,
      Function<Document, T> fromDocument, Function<T, String> idOf, Function<T, Instant> pendingAlarm) {
  }

  /** An aggregate's next alarm, for filing many at once. */
  public record Filing(String id, Instant alarmAt) {
  }

  private final MongoCollection<Document> seconds;
  private final Clock clock;
  private final Clocked<T> clocked;
  // Where reading stands, in seconds since the epoch. Reads come from one poller at a time; volatile for its handover.
  private volatile Long oldestKept; // null until the first read, which is a full one
  private volatile long readThrough;
  private volatile long resumeAt = Long.MAX_VALUE; // the first second where something was left due
  private volatile Instant nextFullReadAt = Instant.MIN;
  private volatile Instant lastRead = Instant.MIN;
  private volatile long nextSweepAtNanos = System.nanoTime();

  /** Over {@code collectionName} beside the clocked aggregates; files the alarms of a store from before it, once. */
  public AlarmsBySecond(MongoDatabase database, String collectionName, Clock clock, Clocked<T> clocked) {
    this.seconds = database.getCollection(collectionName)
        .withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    this.clock = clock;
    this.clocked = clocked;
    fileEarlierAlarmsOnce();
  }

  /** Files an aggregate's next alarm (none: nothing to file). Call it before writing the aggregate. */
  public void file(String id, Instant alarmAt) {
    fileAll(List.of(new Filing(id, alarmAt)));
  }

  /**
   * Files many at once in one write, a statement per second (a batch of new aggregates, a bulk load, or a store from
   * before the sheet). Call it before writing them.
   */
  public void fileAll(Collection<Filing> filings) {
    Map<Long, List<String>> bySecond = new TreeMap<>();
    for (Filing filing : filings) {
      if (filing.alarmAt() != null) {
        bySecond.computeIfAbsent(secondOf(filing.alarmAt()), m -> new ArrayList<>()).add(filing.id());
      }
    }
    if (!bySecond.isEmpty()) {
      seconds.bulkWrite(bySecond.entrySet().stream().map(second -> new UpdateOneModel<Document>(
          Filters.eq("_id", second.getKey()), Updates.addEachToSet(IDS, second.getValue()),
          new UpdateOptions().upsert(true))).toList(), new BulkWriteOptions().ordered(false));
    }
  }

  /**
   * A sheet not yet marked as complete (new, over a store written before it, or one whose filing at start-up was cut
   * short; also a sheet of minutes from before the seconds) is emptied and every alarm on the clock filed again (one
   * scan), then marked. Instances of the version before must be stopped first; the safety-net query covers a filing
   * an instance starting at the same moment removes.
   */
  private void fileEarlierAlarmsOnce() {
    if (seconds.find(Filters.eq("_id", FILED_EARLIER)).first() != null) {
      return;
    }
    seconds.deleteMany(new Document());
    Bson filed = Filters.and(clocked.onTheClock(), Filters.ne(clocked.alarmField(), null));
    Scans.inRounds(clocked.collection().find(filed).projection(Projections.include(clocked.alarmField())),
        d -> new Filing(d.get("_id").toString(), d.getDate(clocked.alarmField()).toInstant()), this::fileAll);
    seconds.updateOne(Filters.eq("_id", FILED_EARLIER), Updates.set("done", true), new UpdateOptions().upsert(true));
  }

  /** The aggregates due at {@code now}, soonest alarm first, at most {@code limit}. */
  public List<T> due(Instant now, int limit) {
    if (now.isBefore(lastRead)) { // the clock stepped back: what was read, and when to read it all, no longer hold
      oldestKept = null;
      resumeAt = Long.MAX_VALUE;
    }
    lastRead = now;
    long nowSecond = now.getEpochSecond();
    long removable = nowSecond - SETTLING.toSeconds(); // seconds before this one take no new filings
    Map<String, T> due = new HashMap<>();
    if (System.nanoTime() - nextSweepAtNanos >= 0) {
      dueByQuery(now, limit).forEach(a -> due.put(clocked.idOf().apply(a), a));
      nextSweepAtNanos = System.nanoTime() + SWEEP_INTERVAL.toNanos();
    }
    boolean full = oldestKept == null || !now.isBefore(nextFullReadAt);
    long cursor = oldestKept == null ? firstFiledSecond(nowSecond)
        : full ? oldestKept : Math.max(oldestKept, Math.min(resumeAt, readThrough - RECENT.toSeconds()));
    Long firstKept = null;
    Long firstDue = null;
    long unread = cursor; // the first second not read in this call
    List<Long> settled = new ArrayList<>();
    reading:
    for (long from = cursor; from <= nowSecond && due.size() < limit; from = unread) {
      long to = Math.min(nowSecond, from + SECONDS_PER_READ - 1);
      List<Long> keys = new ArrayList<>();
      for (long s = from; s <= to; s++) {
        keys.add(s);
      }
      for (Document second : seconds.find(Filters.in("_id", keys)).sort(Sorts.ascending("_id"))) {
        long key = ((Number) second.get("_id")).longValue();
        List<T> dueHere = dueAmong(second.getList(IDS, String.class, List.of()), now);
        dueHere.forEach(a -> due.putIfAbsent(clocked.idOf().apply(a), a));
        if (dueHere.isEmpty() && key < removable) {
          settled.add(key); // everything in it fired, moved on or left the clock
        } else if (firstKept == null) {
          firstKept = key;
        }
        if (!dueHere.isEmpty() && firstDue == null) {
          firstDue = key;
        }
        if (due.size() >= limit) {
          unread = key + 1;
          break reading;
        }
      }
      unread = to + 1;
    }
    if (!settled.isEmpty()) { // a filing into these now would be more than SETTLING late: the safety net's
      seconds.deleteMany(Filters.in("_id", settled));
    }
    // Next time, start where something was left due, else where this call stopped reading, else with the seconds
    // since this read (and RECENT before). A full read also moves the oldest kept on, never past the seconds that
    // may still take a filing.
    resumeAt = firstDue != null ? firstDue : unread <= nowSecond ? unread : Long.MAX_VALUE;
    readThrough = Math.min(unread - 1, nowSecond);
    if (full) {
      oldestKept = Math.min(firstKept != null ? firstKept : unread, removable);
      nextFullReadAt = now.plus(FULL_READ_INTERVAL);
    }
    List<T> soonestFirst = new ArrayList<>(due.values());
    soonestFirst.sort(Comparator.comparing(clocked.pendingAlarm()));
    return soonestFirst.size() > limit ? List.copyOf(soonestFirst.subList(0, limit)) : soonestFirst;
  }

  private List<T> dueAmong(List<String> ids, Instant now) {
    Set<String> unique = new LinkedHashSet<>(ids);
    List<T> due = new ArrayList<>();
    List<String> chunk = new ArrayList<>(IDS_PER_READ);
    for (String id : unique) {
      chunk.add(id);
      if (chunk.size() == IDS_PER_READ) {
        addDue(chunk, now, due);
        chunk.clear();
      }
    }
    if (!chunk.isEmpty()) {
      addDue(chunk, now, due);
    }
    return due;
  }

  private void addDue(List<String> ids, Instant now, List<T> into) {
    for (Document d : clocked.collection().find(Filters.in("_id", ids))) {
      T aggregate = clocked.fromDocument().apply(d);
      Instant alarm = clocked.pendingAlarm().apply(aggregate);
      if (alarm != null && !alarm.isAfter(now)) {
        into.add(aggregate);
      }
    }
  }

  /** The owner's due query, the safety net: on MongoDB a walk of the index on (on the clock, alarm). */
  private List<T> dueByQuery(Instant now, int limit) {
    return clocked.collection()
        .find(Filters.and(clocked.onTheClock(), Filters.lte(clocked.alarmField(), Date.from(now))))
        .sort(Sorts.ascending(clocked.alarmField()))
        .limit(limit)
        .map(clocked.fromDocument()::apply).into(new ArrayList<>());
  }

  private long firstFiledSecond(long nowSecond) {
    Document first = seconds.find(Filters.gte("_id", FIRST_SECOND)).sort(Sorts.ascending("_id")).limit(1).first();
    return first == null ? nowSecond : Math.min(((Number) first.get("_id")).longValue(), nowSecond);
  }

  /** The second an alarm is filed under: its own, or the filer's clock's when that is later (see the class note). */
  private long secondOf(Instant alarmAt) {
    return Math.max(alarmAt.getEpochSecond(), clock.instant().getEpochSecond());
  }
}
