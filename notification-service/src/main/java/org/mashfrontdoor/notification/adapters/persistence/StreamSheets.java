package org.mashfrontdoor.notification.adapters.persistence;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.mashfrontdoor.platform.persistence.DuplicateKeys;
import org.mashfrontdoor.platform.persistence.Scans;

/**
 * The order alerts were stored in, read by key: one document per minute ({@code _id} = minutes since the epoch)
 * listing each alert whose position (an ObjectId, its time first) falls in that minute. Reading after a position
 * reads the minutes from its own up to now by {@code _id}: its cost follows the alerts read and the minutes passed,
 * never how many alerts are stored (a query on the position, sorted, reads every alert on the stand-in store).
 *
 * <p>The alert stays the truth. An alert is filed before it is inserted, so none is stored unfiled; a filing whose
 * insert never followed, or a second filing of an alert stored before (a redelivered event: the insert is refused
 * and the alert keeps its first position), is dropped on reading because the alert's own position differs.
 */
final class StreamSheets {

  static final String COLLECTION = "alertStream";
  /** Minutes read in one query: a day. A reader resuming after a longer gap reads a day per query. */
  private static final int MINUTES_PER_READ = 1_440;
  private static final String ENTRIES = "entries";
  private static final String POSITION = "p";
  private static final String ALERT = "a";
  /** Set once the alerts of a store from before the sheets are filed (its {@code _id} is no minute). */
  private static final String FILED_EARLIER = "filedEarlier";

  /** An alert's place in the stream. */
  record Entry(ObjectId position, String alertId) {
  }

  private final MongoCollection<Document> minutes;

  /** Over {@code database}; files the alerts of a store from before the sheets, once ({@code positionField}). */
  StreamSheets(MongoDatabase database, MongoCollection<Document> alerts, String positionField) {
    this.minutes = database.getCollection(COLLECTION).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    fileEarlierAlertsOnce(alerts, positionField);
  }

  /** Files the entries in one write, a statement per minute. Call it before inserting their alerts. */
  void fileAll(List<Entry> entries) {
    Map<Long, List<Document>> byMinute = new TreeMap<>();
    for (Entry entry : entries) {
      byMinute.computeIfAbsent(minuteOf(entry.position()), m -> new ArrayList<>())
          .add(new Document(POSITION, entry.position()).append(ALERT, entry.alertId()));
    }
    if (byMinute.isEmpty()) {
      return;
    }
    List<UpdateOneModel<Document>> pushes = byMinute.entrySet().stream().map(minute -> new UpdateOneModel<Document>(
        Filters.eq("_id", minute.getKey()), Updates.pushEach(ENTRIES, minute.getValue()),
        new UpdateOptions().upsert(true))).toList();
    // Refused: another writer made the same minute's document first; it is there now, so the push goes in.
    Set<Integer> refused = DuplicateKeys.writeAll(minutes, pushes);
    for (int i : refused) {
      UpdateOneModel<Document> push = pushes.get(i);
      minutes.updateOne(push.getFilter(), push.getUpdate(), new UpdateOptions().upsert(true));
    }
  }

  /**
   * The entries after {@code from} up to {@code now} (a minute beyond, for a writer's clock a little ahead) whose alert
   * is {@code wanted}, in position order, at most {@code limit}.
   */
  List<Entry> after(ObjectId from, Instant now, int limit, Predicate<String> wanted) {
    long last = now.getEpochSecond() / 60 + 1;
    List<Entry> found = new ArrayList<>();
    for (long first = minuteOf(from); first <= last && found.size() < limit; first += MINUTES_PER_READ) {
      List<Long> keys = new ArrayList<>();
      for (long m = first; m <= Math.min(last, first + MINUTES_PER_READ - 1); m++) {
        keys.add(m);
      }
      for (Document minute : minutes.find(Filters.in("_id", keys)).sort(Sorts.ascending("_id"))) {
        entries(minute).stream().filter(e -> e.position().compareTo(from) > 0 && wanted.test(e.alertId()))
            .forEach(found::add);
        if (found.size() >= limit) {
          break; // a later minute's entries all come after this one's
        }
      }
    }
    return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
  }

  /** The last entry filed in the minutes up to {@code now} since {@code since}; null when there is none. */
  Entry last(Instant since, Instant now) {
    List<Long> keys = new ArrayList<>();
    for (long m = since.getEpochSecond() / 60; m <= now.getEpochSecond() / 60 + 1; m++) {
      keys.add(m);
    }
    Entry last = null;
    for (Document minute : minutes.find(Filters.in("_id", keys))) {
      for (Entry entry : entries(minute)) {
        if (last == null || entry.position().compareTo(last.position()) > 0) {
          last = entry;
        }
      }
    }
    return last;
  }

  /**
   * A minute's entries in position order (writers push in the order their writes land, not of their positions), each
   * once (two instances starting together both file a store from before the sheets).
   */
  private static List<Entry> entries(Document minute) {
    List<Entry> entries = new ArrayList<>();
    for (Document d : minute.getList(ENTRIES, Document.class, List.of())) {
      entries.add(new Entry(d.getObjectId(POSITION), d.getString(ALERT)));
    }
    entries.sort(Comparator.comparing(Entry::position).thenComparing(Entry::alertId));
    List<Entry> once = new ArrayList<>(entries.size());
    for (Entry entry : entries) {
      if (once.isEmpty() || !once.getLast().equals(entry)) {
        once.add(entry);
      }
    }
    return once;
  }

  private static long minuteOf(ObjectId position) {
    return Integer.toUnsignedLong(position.getTimestamp()) / 60;
  }

  /**
   * New sheets over a store written before them: every stored alert filed at start-up (one scan, once; marked done
   * only at the end, so a start that stopped half-way files again). Instances from before the sheets must be stopped
   * first: an alert they store afterwards is in no sheet, so not on the stream (it is in the API and its emails).
   */
  private void fileEarlierAlertsOnce(MongoCollection<Document> alerts, String positionField) {
    if (minutes.find(Filters.eq("_id", FILED_EARLIER)).first() != null) {
      return;
    }
    Scans.inRounds(alerts.find(Filters.ne(positionField, null)).projection(Projections.include(positionField)),
        d -> new Entry(d.getObjectId(positionField), d.getString("_id")), this::fileAll);
    minutes.updateOne(Filters.eq("_id", FILED_EARLIER), Updates.set("done", true), new UpdateOptions().upsert(true));
  }
}
