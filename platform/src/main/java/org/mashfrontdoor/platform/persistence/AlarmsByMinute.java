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
 * A due sheet read by key: one document per minute ({@code _id} = minutes since the epoch) listing the aggregates
 * whose next alarm falls in it. "What is due now" reads the minutes from the oldest still kept up to now by
 * {@code _id}, then those aggregates by {@code _id}: its cost follows what is due, never how many aggregates wait
 * (a scan of a million open contacts on the stand-in store took about a second per poll).
 *
 * <p>The aggregate stays the truth. Its alarm is filed before the aggregate's write, so an alarm is never stored
 * unfiled; a filing the write never followed, or an alarm that moved, is dropped on reading because the aggregate
 * itself says whether it is due. A minute is removed once nothing in it is due and it is older than
 * {@link #SETTLING} (a writer files at its own clock's minute at the earliest, so a late filing lands in a minute
 * still kept). As a safety net against what no filing reached, the due query the sheet replaces (an index walk
 * on MongoDB) runs at the first read and every {@link #SWEEP_INTERVAL} after.
 *
 * @param <T> the clocked aggregate
 */
public final class AlarmsByMinute<T> {

  /** How long a passed minute is kept after nothing in it is due: far longer than one filing-then-write. */
  public static final Duration SETTLING = Duration.ofMinutes(5);
  public static final Duration SWEEP_INTERVAL = Duration.ofMinutes(15);
  /** Minutes read in one query: a day. After a longer outage the sheet catches up a day per query. */
  private static final int MINUTES_PER_READ = 1_440;
  private static final int IDS_PER_READ = 500;
  private static final String IDS = "ids";

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

  private final MongoCollection<Document> minutes;
  private final Clock clock;
  private final Clocked<T> clocked;
  private volatile Long oldestKept; // minutes since the epoch; null until first read
  private volatile long nextSweepAtNanos = System.nanoTime();

  /** Over {@code collectionName} beside the clocked aggregates; files the alarms of a store from before it, once. */
  public AlarmsByMinute(MongoDatabase database, String collectionName, Clock clock, Clocked<T> clocked) {
    this.minutes = database.getCollection(collectionName)
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
   * Files many at once in one write, a statement per minute (a batch of new aggregates, a bulk load, or a store from
   * before the sheet). Call it before writing them.
   */
  public void fileAll(Collection<Filing> filings) {
    Map<Long, List<String>> byMinute = new TreeMap<>();
    for (Filing filing : filings) {
      if (filing.alarmAt() != null) {
        byMinute.computeIfAbsent(minuteOf(filing.alarmAt()), m -> new ArrayList<>()).add(filing.id());
      }
    }
    if (!byMinute.isEmpty()) {
      minutes.bulkWrite(byMinute.entrySet().stream().map(minute -> new UpdateOneModel<Document>(
          Filters.eq("_id", minute.getKey()), Updates.addEachToSet(IDS, minute.getValue()),
          new UpdateOptions().upsert(true))).toList(), new BulkWriteOptions().ordered(false));
    }
  }

  /** A new sheet over a store written before it: every alarm on the clock filed at start-up (one scan, once). */
  private void fileEarlierAlarmsOnce() {
    if (minutes.find().limit(1).first() != null) {
      return;
    }
    Bson filed = Filters.and(clocked.onTheClock(), Filters.ne(clocked.alarmField(), null));
    Scans.inRounds(clocked.collection().find(filed).projection(Projections.include(clocked.alarmField())),
        d -> new Filing(d.get("_id").toString(), d.getDate(clocked.alarmField()).toInstant()), this::fileAll);
  }

  /** The aggregates due at {@code now}, soonest alarm first, at most {@code limit}. */
  public List<T> due(Instant now, int limit) {
    long nowMinute = now.getEpochSecond() / 60;
    long removable = nowMinute - SETTLING.toMinutes(); // minutes before this one take no new filings
    Map<String, T> due = new HashMap<>();
    if (System.nanoTime() - nextSweepAtNanos >= 0) {
      dueByQuery(now, limit).forEach(a -> due.put(clocked.idOf().apply(a), a));
      nextSweepAtNanos = System.nanoTime() + SWEEP_INTERVAL.toNanos();
    }
    long cursor = oldestKept == null ? firstFiledMinute(nowMinute) : oldestKept;
    Long firstKept = null;
    long unread = cursor; // the first minute not read in this call
    reading:
    for (long from = cursor; from <= nowMinute && due.size() < limit; from = unread) {
      long to = Math.min(nowMinute, from + MINUTES_PER_READ - 1);
      List<Long> keys = new ArrayList<>();
      for (long m = from; m <= to; m++) {
        keys.add(m);
      }
      for (Document minute : minutes.find(Filters.in("_id", keys)).sort(Sorts.ascending("_id"))) {
        long key = ((Number) minute.get("_id")).longValue();
        List<T> dueHere = dueAmong(minute.getList(IDS, String.class, List.of()), now);
        dueHere.forEach(a -> due.putIfAbsent(clocked.idOf().apply(a), a));
        if (dueHere.isEmpty() && key < removable) {
          minutes.deleteOne(Filters.eq("_id", key)); // settled: everything in it fired, moved on or left the clock
        } else if (firstKept == null) {
          firstKept = key;
        }
        if (due.size() >= limit) {
          unread = key + 1;
          break reading;
        }
      }
      unread = to + 1;
    }
    // Next time, start at the first minute still kept, else where this call stopped reading; never past the
    // minutes that may still take a filing.
    oldestKept = Math.min(firstKept != null ? firstKept : unread, removable);
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

  private long firstFiledMinute(long nowMinute) {
    Document first = minutes.find().sort(Sorts.ascending("_id")).limit(1).first();
    return first == null ? nowMinute : Math.min(first.getLong("_id"), nowMinute);
  }

  /** The minute an alarm is filed under: its own, or the filer's clock's when that is later (see the class note). */
  private long minuteOf(Instant alarmAt) {
    return Math.max(alarmAt.getEpochSecond(), clock.instant().getEpochSecond()) / 60;
  }
}
