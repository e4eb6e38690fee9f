package org.mashfrontdoor.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.testsupport.MutableClock;
import org.mashfrontdoor.platform.testsupport.TestStore;

@DisplayName("The due sheet by minute: what is due is read by key, and the aggregate stays the truth")
class AlarmsByMinuteIT {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  /** A clocked aggregate as small as can be: open or not, and its next alarm. */
  record Item(String id, boolean open, Instant alarmAt) {
  }

  TestStore store;
  MongoDatabase database;
  MongoCollection<Document> items;
  final MutableClock clock = new MutableClock(T0);
  AlarmsByMinute<Item> sheet;

  /** The embedded stand-in; {@link AlarmsByMinuteOnRealMongoIT} runs the same scenarios on a real MongoDB. */
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

  AlarmsByMinute<Item> newSheet() {
    return new AlarmsByMinute<>(database, "alarms", clock, new AlarmsByMinute.Clocked<>(items, Filters.eq("open", true),
        "alarmAt", d -> new Item(d.getString("_id"), d.getBoolean("open"), BsonFields.instant(d, "alarmAt")),
        Item::id, item -> item.open() ? item.alarmAt() : null));
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

  long minutesKept() {
    return database.getCollection("alarms").countDocuments();
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
  void a_passed_minute_is_removed_once_nothing_in_it_is_due_and_it_is_older_than_the_settling_time() {
    write("a", true, T0.plusSeconds(10));
    clock.advance(Duration.ofSeconds(20));
    assertThat(dueNow(10)).containsExactly("a");
    write("a", true, null); // fired: off the clock

    assertThat(dueNow(10)).isEmpty();
    assertThat(minutesKept()).as("within the settling time: kept for a late filing").isEqualTo(1);
    clock.advance(AlarmsByMinute.SETTLING.plusMinutes(1));
    assertThat(dueNow(10)).isEmpty();
    assertThat(minutesKept()).isZero();
  }

  @Test
  void a_due_alarm_stays_due_until_its_aggregate_moves_on() {
    write("a", true, T0.plusSeconds(10));
    clock.advance(Duration.ofHours(1));
    assertThat(dueNow(10)).containsExactly("a");
    assertThat(dueNow(10)).as("not fired yet (another instance lost the race, say)").containsExactly("a");
    assertThat(minutesKept()).isEqualTo(1);
  }

  @Test
  void an_alarm_filed_after_its_minute_was_read_and_removed_lands_in_the_filers_minute_and_is_found() {
    write("early", true, T0.plusSeconds(5));
    write("early", true, null);
    clock.advance(Duration.ofMinutes(30));
    assertThat(dueNow(10)).isEmpty(); // the sheet has moved past T0's minute and removed it

    write("late", true, T0.plusSeconds(5)); // an alarm already 30 minutes past when it is filed

    assertThat(dueNow(10)).containsExactly("late");
  }

  @Test
  void after_a_long_outage_every_day_missed_is_read() {
    write("a", true, T0.plus(Duration.ofHours(1)));
    write("b", true, T0.plus(Duration.ofDays(2)));
    clock.advance(Duration.ofDays(3));

    assertThat(newSheet().due(clock.instant(), 10)).extracting(Item::id).containsExactly("a", "b");
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
    items.insertOne(new Document("_id", "older").append("open", true).append("alarmAt", BsonFields.date(T0)));
    items.insertOne(new Document("_id", "closed").append("open", false).append("alarmAt", BsonFields.date(T0)));

    newSheet();

    assertThat(database.getCollection("alarms").find().first().getList("ids", String.class))
        .containsExactly("older");
  }

  @Test
  void many_filed_at_once_are_one_write_per_minute() {
    List<AlarmsByMinute.Filing> filings = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      Instant at = T0.plusSeconds(i % 3 * 60L);
      filings.add(new AlarmsByMinute.Filing("i" + i, at));
      items.insertOne(new Document("_id", "i" + i).append("open", true).append("alarmAt", BsonFields.date(at)));
    }
    sheet.fileAll(filings);

    assertThat(minutesKept()).isEqualTo(3);
    clock.advance(Duration.ofMinutes(3));
    assertThat(dueNow(2_000)).hasSize(1_000);
  }
}
