package org.mashfrontdoor.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.testsupport.MutableClock;
import org.mashfrontdoor.platform.testsupport.TestStore;

@DisplayName("The due sheet by second: what is due is read by key, and the aggregate stays the truth")
class AlarmsBySecondIT {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  /** A clocked aggregate as small as can be: open or not, and its next alarm. */
  record Item(String id, boolean open, Instant alarmAt) {
  }

  TestStore store;
  MongoDatabase database;
  MongoCollection<Document> items;
  final MutableClock clock = new MutableClock(T0);
  AlarmsBySecond<Item> sheet;

  /** The embedded stand-in; {@link AlarmsBySecondOnRealMongoIT} runs the same scenarios on a real MongoDB. */
  TestStore openStore() {
    return TestStore.embedded();
  }

  @BeforeEach
  void store() {
    store = openStore();
    database = store.database("alarms");
    items = database.getCollection("items");
    sheet = newSheet();
  }

  AlarmsBySecond<Item> newSheet() {
    return sheetOn(clock);
  }

  /** Another instance's sheet, its clock its own. */
  AlarmsBySecond<Item> sheetOn(Clock itsClock) {
    return sheetOn(database, itsClock);
  }

  /** The sheet over the same collections, through another connection. */
  static AlarmsBySecond<Item> sheetOn(MongoDatabase database, Clock itsClock) {
    return new AlarmsBySecond<>(database, "alarms", itsClock, new AlarmsBySecond.Clocked<>(
        database.getCollection("items"), Filters.eq("open", true), "alarmAt",
        d -> new Item(d.getString("_id"), d.getBoolean("open"), BsonFields.instant(d, "alarmAt")), Item::id,
        item -> item.open() ? item.alarmAt() : null));
  }

  @AfterEach
  void close() {
    store.close();
  }

  /** As an adapter writes: file first, then the aggregate. */
  void write(String id, boolean open, Instant alarmAt) {
    sheet.file(id, alarmAt);
    items.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("open", open)
        .append("alarmAt", BsonFields.date(alarmAt)), new ReplaceOptions().upsert(true));
  }

  List<String> dueNow(int limit) {
    return sheet.due(clock.instant(), limit).stream().map(Item::id).toList();
  }

  long secondsKept() {
    return database.getCollection("alarms").countDocuments(Filters.ne("_id", "filedEarlier"));
  }

  @Test
  void an_alarm_is_due_from_its_instant_on_soonest_first_at_most_the_limit() {
    write("b", true, T0.plusSeconds(90));
    write("a", true, T0.plusSeconds(30));
    write("c", true, T0.plusSeconds(3_600));

    assertThat(dueNow(10)).isEmpty();
    clock.advance(Duration.ofSeconds(29));
    assertThat(dueNow(10)).as("a second early").isEmpty();
    clock.advance(Duration.ofSeconds(61));
    assertThat(dueNow(10)).containsExactly("a", "b");
    assertThat(dueNow(1)).containsExactly("a");
  }

  @Test
  void an_alarm_that_moved_or_left_the_clock_is_not_due_where_it_was_filed() {
    write("moved", true, T0.plusSeconds(60));
    write("moved", true, T0.plusSeconds(600));
    write("decided", true, T0.plusSeconds(60));
    write("decided", false, null);
    sheet.file("never-written", T0.plusSeconds(60)); // the process died before the aggregate's write

    clock.advance(Duration.ofSeconds(120));
    assertThat(dueNow(10)).isEmpty();
    clock.advance(Duration.ofSeconds(600));
    assertThat(dueNow(10)).containsExactly("moved");
  }

  @Test
  void a_passed_second_is_removed_once_nothing_in_it_is_due_and_it_is_older_than_the_settling_time() {
    write("a", true, T0.plusSeconds(10));
    clock.advance(Duration.ofSeconds(20));
    assertThat(dueNow(10)).containsExactly("a");
    write("a", true, null); // fired: off the clock

    assertThat(dueNow(10)).isEmpty();
    assertThat(secondsKept()).as("within the settling time: kept for a late filing").isEqualTo(1);
    clock.advance(AlarmsBySecond.SETTLING.plusMinutes(1));
    assertThat(dueNow(10)).isEmpty();
    assertThat(secondsKept()).isZero();
  }

  @Test
  void a_due_alarm_stays_due_until_its_aggregate_moves_on() {
    write("a", true, T0.plusSeconds(10));
    clock.advance(Duration.ofHours(1));
    assertThat(dueNow(10)).containsExactly("a");
    assertThat(dueNow(10)).as("not fired yet (another instance lost the race, say)").containsExactly("a");
    assertThat(secondsKept()).isEqualTo(1);
  }

  @Test
  void an_alarm_filed_after_its_second_was_read_and_removed_lands_in_the_filers_second_and_is_found() {
    write("early", true, T0.plusSeconds(5));
    write("early", true, null);
    clock.advance(Duration.ofMinutes(30));
    assertThat(dueNow(10)).isEmpty(); // the sheet has moved past T0's second and removed it

    write("late", true, T0.plusSeconds(5)); // an alarm already 30 minutes past when it is filed

    assertThat(dueNow(10)).containsExactly("late");
  }

  @Test
  void after_a_long_outage_every_day_missed_is_read() {
    dueNow(10); // the first read, and its safety-net query, before the outage
    write("a", true, T0.plus(Duration.ofHours(1)));
    write("b", true, T0.plus(Duration.ofDays(2)));
    clock.advance(Duration.ofDays(3));

    assertThat(dueNow(10)).containsExactly("a", "b");
  }

  @Test
  void the_due_query_is_the_safety_net_for_what_no_filing_reached() {
    write("a", true, T0.minusSeconds(30));
    items.insertOne(new Document("_id", "never-filed").append("open", true)
        .append("alarmAt", BsonFields.date(T0.minusSeconds(60))));

    assertThat(newSheet().due(clock.instant(), 10)).as("the first read runs the query too").extracting(Item::id)
        .containsExactly("never-filed", "a");
  }

  @Test
  void a_store_from_before_the_sheet_has_its_alarms_filed_once_at_start_up() {
    database.getCollection("alarms").drop(); // no sheet yet
    items.insertOne(new Document("_id", "older").append("open", true).append("alarmAt", BsonFields.date(T0)));
    items.insertOne(new Document("_id", "closed").append("open", false).append("alarmAt", BsonFields.date(T0)));

    newSheet();
    items.insertOne(new Document("_id", "unfiled").append("open", true).append("alarmAt", BsonFields.date(T0)));
    newSheet(); // once: the sheet is marked as filed

    assertThat(database.getCollection("alarms").find(Filters.eq("_id", T0.getEpochSecond())).first()
        .getList("ids", String.class)).containsExactly("older");
  }

  @Test
  void a_sheet_not_marked_as_filed_is_filed_again_from_the_aggregates_minutes_from_before_the_seconds_among_them() {
    write("a", true, T0.plusSeconds(3_600));
    MongoCollection<Document> sheetDocuments = database.getCollection("alarms");
    sheetDocuments.deleteMany(new Document());
    long minute = T0.getEpochSecond() / 60; // the sheet by minute that came before: read as seconds, it is 1970
    sheetDocuments.insertOne(new Document("_id", minute).append("ids", List.of("a")));

    AlarmsBySecond<Item> again = newSheet();
    clock.advance(Duration.ofHours(1));

    assertThat(sheetDocuments.find(Filters.eq("_id", minute)).first()).as("emptied first").isNull();
    assertThat(sheetDocuments.find(Filters.eq("_id", T0.getEpochSecond() + 3_600)).first().getList("ids",
        String.class)).as("filed again from the aggregate").containsExactly("a");
    assertThat(again.due(clock.instant(), 10)).extracting(Item::id).containsExactly("a");
  }

  @Test
  void a_read_after_the_first_asks_only_for_the_seconds_since_the_last_and_the_recent_ones_before() {
    write("far", true, T0.plus(Duration.ofHours(2)));
    dueNow(10); // the first read is a full one
    clock.advance(Duration.ofSeconds(2));
    write("soon", true, T0.plusSeconds(1));

    List<Integer> keysAsked = new ArrayList<>();
    CommandListener finds = new CommandListener() {
      @Override
      public void commandStarted(CommandStartedEvent event) {
        BsonDocument filter = event.getCommand().getDocument("filter", new BsonDocument());
        if (event.getCommandName().equals("find") && filter.isDocument("_id")
            && filter.getDocument("_id").isArray("$in") && event.getCommand().getString("find").getValue()
                .equals("alarms")) {
          keysAsked.add(filter.getDocument("_id").getArray("$in").size());
        }
      }
    };
    try (var client = MongoClients.create(MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(store.uri())).addCommandListener(finds).build())) {
      AlarmsBySecond<Item> watched = sheetOn(client.getDatabase(database.getName()), clock);
      watched.due(clock.instant(), 10);
      keysAsked.clear(); // the first read, a full one
      clock.advance(Duration.ofSeconds(3));

      assertThat(watched.due(clock.instant(), 10)).extracting(Item::id).containsExactly("soon");
      assertThat(keysAsked).as("3 seconds since the last read, and the 10 before it").containsExactly(14);
    }
  }

  @Test
  void a_filing_held_up_longer_than_the_recent_seconds_is_found_by_the_next_full_read() {
    dueNow(10); // a full read
    clock.advance(Duration.ofSeconds(1));
    Instant filedAt = clock.instant();
    clock.advance(AlarmsBySecond.RECENT.plusSeconds(5));
    dueNow(10); // the sheet reads past the filing's second before its write lands
    clock.advance(Duration.ofSeconds(1));
    sheetOn(Clock.fixed(filedAt, ZoneOffset.UTC)).file("held-up", filedAt); // its clock read before its write stalled
    items.insertOne(new Document("_id", "held-up").append("open", true).append("alarmAt", BsonFields.date(filedAt)));

    assertThat(dueNow(10)).as("behind the recent seconds: left to the full read").isEmpty();
    clock.advance(AlarmsBySecond.FULL_READ_INTERVAL);
    assertThat(dueNow(10)).containsExactly("held-up");
  }

  @Test
  void a_due_alarm_left_unfired_in_an_older_second_is_read_again_at_every_read() {
    write("a", true, T0.plusSeconds(5));
    clock.advance(Duration.ofMinutes(2));
    assertThat(dueNow(10)).containsExactly("a");
    for (int read = 0; read < 3; read++) {
      clock.advance(Duration.ofSeconds(1));
      assertThat(dueNow(10)).as("not a full read, yet still due").containsExactly("a");
    }
  }

  @Test
  void a_clock_that_steps_back_starts_the_reading_again_from_the_first_second_filed() {
    dueNow(10); // the first read, and its safety-net query
    clock.advance(Duration.ofMinutes(20));
    dueNow(10); // a full read: the sheet now keeps nothing before 15 minutes past T0
    clock.set(T0.plusSeconds(60)); // the clock corrected, back by 19 minutes
    write("a", true, T0.plusSeconds(65));
    clock.advance(Duration.ofSeconds(10));

    assertThat(dueNow(10)).containsExactly("a");
  }

  @Test
  void a_read_stopped_by_its_limit_goes_on_from_there_at_the_next() {
    dueNow(2); // the first read, and its safety-net query
    for (int i = 0; i < 5; i++) {
      write("i" + i, true, T0.plusSeconds(20L * i));
    }
    clock.advance(Duration.ofMinutes(2));
    assertThat(dueNow(2)).containsExactly("i0", "i1");
    write("i0", true, null);
    write("i1", true, null);
    clock.advance(Duration.ofSeconds(1));

    assertThat(dueNow(2)).containsExactly("i2", "i3");
  }

  @Test
  void many_filed_at_once_are_one_write_per_second() {
    dueNow(10); // the first read, and its safety-net query
    List<AlarmsBySecond.Filing> filings = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      Instant at = T0.plusSeconds(i % 3 * 60L);
      filings.add(new AlarmsBySecond.Filing("i" + i, at));
      items.insertOne(new Document("_id", "i" + i).append("open", true).append("alarmAt", BsonFields.date(at)));
    }
    sheet.fileAll(filings);

    assertThat(secondsKept()).isEqualTo(3);
    clock.advance(Duration.ofMinutes(3));
    assertThat(dueNow(2_000)).hasSize(1_000);
  }
}
