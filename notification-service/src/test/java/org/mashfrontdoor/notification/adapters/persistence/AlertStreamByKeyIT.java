package org.mashfrontdoor.notification.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.BsonDocument;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.notification.application.Alerts;
import org.mashfrontdoor.notification.domain.Alert;

/**
 * The live stream's order read by key ({@link StreamSheets}): every alert once, in the order stored, from any
 * position, whatever went wrong between filing and inserting. {@link AlertStreamByKeyOnRealMongoIT} runs the same on
 * a real MongoDB.
 */
@DisplayName("The alert stream read by key: every alert once, in the order stored, from any position")
public class AlertStreamByKeyIT extends StoreOfAlerts {

  List<String> idsAfter(String position, int limit) {
    return alerts.after(position, limit).stream().map(p -> p.alert().alertId()).toList();
  }

  @Test
  @DisplayName("alerts stored over days come back in the order stored, page by page, after any position")
  void in_the_order_stored_across_minutes_and_days() {
    String before = Alerts.positionAt(NOW);
    List<String> stored = new ArrayList<>();
    for (Duration gap : List.of(Duration.ZERO, Duration.ofSeconds(59), Duration.ofSeconds(2), Duration.ofHours(30),
        Duration.ofDays(3))) {
      clock.advance(gap);
      List<Alert> batch = List.of(alert(UUID.randomUUID().toString()), alert(UUID.randomUUID().toString()));
      alerts.addAll(batch);
      batch.forEach(a -> stored.add(a.alertId()));
    }

    assertThat(idsAfter(before, 100)).containsExactlyElementsOf(stored);
    List<String> paged = new ArrayList<>();
    String cursor = before;
    for (List<Alerts.Positioned> page = alerts.after(cursor, 3); !page.isEmpty(); page = alerts.after(cursor, 3)) {
      page.forEach(p -> paged.add(p.alert().alertId()));
      cursor = page.getLast().position();
    }
    assertThat(paged).containsExactlyElementsOf(stored);
    assertThat(idsAfter(alerts.positionOf(stored.get(4)).orElseThrow(), 100)).containsExactlyElementsOf(
        stored.subList(5, stored.size()));
    assertThat(idsAfter(alerts.positionOf(stored.getLast()).orElseThrow(), 100)).isEmpty();
  }

  @Test
  @DisplayName("alerts not wanted (sent already) are passed over, and the limit counts the wanted ones")
  void alerts_not_wanted_are_passed_over() {
    String before = Alerts.positionAt(NOW);
    alerts.addAll(List.of(alert("a"), alert("b"), alert("c"), alert("d")));

    assertThat(alerts.after(before, 2, id -> !id.equals("a") && !id.equals("c")))
        .extracting(p -> p.alert().alertId()).containsExactly("b", "d");
    assertThat(alerts.after(before, 1, id -> !id.equals("a"))).extracting(p -> p.alert().alertId())
        .containsExactly("b");
  }

  @Test
  @DisplayName("a redelivered alert keeps its first place and is read once")
  void a_redelivered_alert_is_read_once_at_its_first_place() {
    String before = Alerts.positionAt(NOW);
    Alert first = alert("first");
    Alert second = alert("second");
    alerts.addAll(List.of(first, second));
    String firstPosition = alerts.positionOf("first").orElseThrow();
    clock.advance(Duration.ofMinutes(3));

    assertThat(alerts.addAll(List.of(first))).containsExactly(false);

    assertThat(idsAfter(before, 100)).containsExactly("first", "second");
    assertThat(alerts.positionOf("first")).contains(firstPosition);
  }

  @Test
  @DisplayName("a filing whose insert never followed is skipped, and the alerts after it are still read")
  void a_filing_without_its_alert_is_skipped() {
    String before = Alerts.positionAt(NOW);
    new StreamSheets(database, database.getCollection(MongoAlerts.COLLECTION), MongoAlerts.POSITION)
        .fileAll(List.of(new StreamSheets.Entry(new ObjectId(Date.from(NOW)), "never-inserted")));
    alerts.add(alert("stored"));

    assertThat(idsAfter(before, 1)).containsExactly("stored");
  }

  @Test
  @DisplayName("the last position is the last alert stored in the last minutes, else now's")
  void the_last_position() {
    assertThat(alerts.lastPosition()).isEqualTo(Alerts.positionAt(NOW));
    alerts.addAll(List.of(alert("a"), alert("b")));
    assertThat(alerts.lastPosition()).isEqualTo(alerts.positionOf("b").orElseThrow());
    assertThat(idsAfter(alerts.lastPosition(), 10)).isEmpty();

    clock.advance(Duration.ofMinutes(10));
    assertThat(alerts.lastPosition()).isEqualTo(Alerts.positionAt(clock.instant()));
    assertThat(Alerts.timeOf(alerts.lastPosition())).isEqualTo(clock.instant());
  }

  @Test
  @DisplayName("alerts stored before the sheets existed are filed once at start and read like any other")
  void a_store_from_before_the_sheets() {
    String before = Alerts.positionAt(NOW);
    alerts.addAll(List.of(alert("old-1"), alert("old-2")));
    database.getCollection(StreamSheets.COLLECTION).drop();

    MongoAlerts restarted = new MongoAlerts(database, clock);
    restarted.add(alert("new"));

    assertThat(restarted.after(before, 100)).extracting(p -> p.alert().alertId())
        .containsExactly("old-1", "old-2", "new");
  }

  @Test
  @DisplayName("reading the stream reads documents by _id only, however many alerts are stored")
  void read_by_key_only() {
    for (int minute = 0; minute < 30; minute++) {
      alerts.add(alert("earlier-" + minute));
      clock.advance(Duration.ofMinutes(1));
    }
    String cursor = alerts.lastPosition();
    alerts.add(alert("latest"));
    List<BsonDocument> filters = new ArrayList<>();
    CommandListener finds = new CommandListener() {
      @Override
      public void commandStarted(CommandStartedEvent event) {
        if (event.getCommandName().equals("find")) {
          filters.add(event.getCommand().getDocument("filter", new BsonDocument()).clone()); // the event's buffer goes
        }
      }
    };
    readWatched(finds, reader -> {
      filters.clear(); // what opening read
      assertThat(reader.after(cursor, 100)).extracting(p -> p.alert().alertId()).containsExactly("latest");
      return reader.lastPosition();
    });

    assertThat(filters).isNotEmpty().allSatisfy(filter -> assertThat(filter.keySet()).containsExactly("_id"));
  }
}
