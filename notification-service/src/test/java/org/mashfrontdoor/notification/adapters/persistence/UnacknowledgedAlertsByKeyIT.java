package org.mashfrontdoor.notification.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.BsonDocument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.notification.application.Alerts;
import org.mashfrontdoor.notification.domain.Alert;

/**
 * The unacknowledged alerts, what the alerts page lists, read by key ({@link UnacknowledgedSheet}): every alert nobody
 * has acknowledged, newest first, whatever went wrong between filing and writing.
 * {@link UnacknowledgedAlertsByKeyOnRealMongoIT} runs the same on a real MongoDB.
 */
@DisplayName("Unacknowledged alerts read by key: each one nobody has acknowledged, newest first, and no other")
public class UnacknowledgedAlertsByKeyIT extends StoreOfAlerts {

  /** An alert raised {@code minutes} after the tests' start. */
  static Alert raised(String name, int minutes) {
    Alert a = alert(name);
    return new Alert(a.alertId(), a.referralId(), a.reference(), a.type(), a.severity(), a.audience(),
        a.createdAt().plus(Duration.ofMinutes(minutes)), a.eventId(), a.summary(), a.reasons(), null, null, null, null,
        null, null, null, 0, List.of(), 0);
  }

  List<String> unacknowledged(String referralId, int page, int size) {
    return alerts.page(referralId, true, page, size).alerts().stream().map(Alert::alertId).toList();
  }

  void acknowledge(String alertId) {
    Alert current = alerts.withId(alertId).orElseThrow();
    assertThat(alerts.update(current.acknowledge("staff-1", clock.instant()), current.version())).isTrue();
  }

  boolean filed(String alertId) {
    return database.getCollection(UnacknowledgedSheet.COLLECTION).find(Filters.eq("_id", alertId)).first() != null;
  }

  @Test
  @DisplayName("newest first, page by page, with the total; an acknowledged alert leaves the list and the total")
  void newest_first_and_acknowledged_ones_leave() {
    alerts.addAll(List.of(raised("a", 0), raised("b", 1), raised("c", 2)));
    alerts.add(raised("d", 3));

    assertThat(unacknowledged(null, 0, 3)).containsExactly("d", "c", "b");
    assertThat(unacknowledged(null, 1, 3)).containsExactly("a");
    assertThat(alerts.page(null, true, 0, 3).total()).isEqualTo(4);

    acknowledge("c");

    assertThat(filed("c")).isFalse(); // taken off by the acknowledgement, not left to a reader
    assertThat(unacknowledged(null, 0, 10)).containsExactly("d", "b", "a");
    assertThat(alerts.page(null, true, 0, 10).total()).isEqualTo(3);
    assertThat(alerts.page(null, false, 0, 10).alerts()).extracting(Alert::alertId)
        .containsExactly("d", "c", "b", "a");
  }

  @Test
  @DisplayName("one referral's unacknowledged alerts only, when a referral is asked for")
  void of_one_referral() {
    Alert other = raised("other", 5);
    Alert mine = raised("mine", 1);
    Alert mineLater = new Alert("mine-later", mine.referralId(), mine.reference(), mine.type(), mine.severity(),
        mine.audience(), mine.createdAt().plus(Duration.ofMinutes(1)), "event-mine-later", mine.summary(),
        mine.reasons(), null, null, null, null, null, null, null, 0, List.of(), 0);
    alerts.addAll(List.of(other, mine, mineLater));

    assertThat(unacknowledged(mine.referralId(), 0, 10)).containsExactly("mine-later", "mine");
    assertThat(alerts.page(mine.referralId(), true, 0, 10).total()).isEqualTo(2);
  }

  @Test
  @DisplayName("a filing whose insert never followed is not listed, and is taken off once it is too old to follow")
  void a_filing_without_its_alert() {
    UnacknowledgedSheet sheet = sheet();
    sheet.fileAll(List.of(raised("never-inserted", 9)), clock.instant());
    alerts.add(raised("stored", 0));

    assertThat(unacknowledged(null, 0, 10)).containsExactly("stored");
    assertThat(alerts.page(null, true, 0, 10).total()).isEqualTo(2); // its insert may be on its way

    clock.advance(UnacknowledgedSheet.INSERT_GRACE.plusSeconds(1));
    assertThat(unacknowledged(null, 0, 10)).containsExactly("stored");
    assertThat(alerts.page(null, true, 0, 10).total()).isEqualTo(1);
  }

  UnacknowledgedSheet sheet() {
    return new UnacknowledgedSheet(database, database.getCollection(MongoAlerts.COLLECTION), MongoAlerts::toAlert,
        clock.instant());
  }

  @Test
  @DisplayName("an alert filed again (its event redelivered) after the grace keeps its filing until its insert lands")
  void filed_again_after_the_grace() {
    Alert late = raised("late", 0);
    sheet().fileAll(List.of(late), clock.instant()); // the first attempt stopped before its insert
    clock.advance(UnacknowledgedSheet.INSERT_GRACE.plusMinutes(1));
    sheet().fileAll(List.of(late), clock.instant()); // the redelivery files it again; its insert is on its way

    assertThat(unacknowledged(null, 0, 10)).isEmpty();
    assertThat(filed("late")).isTrue();

    alerts.add(late);
    assertThat(unacknowledged(null, 0, 10)).containsExactly("late");
  }

  @Test
  @DisplayName("a filing renewed while a reader finds its alert missing is kept")
  void renewed_while_a_reader_checks_it() {
    Alert late = raised("late", 0);
    sheet().fileAll(List.of(late), clock.instant());
    clock.advance(UnacknowledgedSheet.INSERT_GRACE.plusMinutes(1));
    AtomicBoolean renewed = new AtomicBoolean();
    CommandListener redelivery = new CommandListener() {
      @Override
      public void commandStarted(CommandStartedEvent event) {
        // The reader has read the stale filing and now looks for its alert: the redelivered event files it again.
        if (event.getCommandName().equals("find") && event.getCommand().getString("find").getValue()
            .equals(MongoAlerts.COLLECTION) && renewed.compareAndSet(false, true)) {
          sheet().fileAll(List.of(late), clock.instant());
        }
      }
    };
    assertThat(readWatched(redelivery, reader -> reader.page(null, true, 0, 10)).alerts()).isEmpty();

    assertThat(renewed).isTrue();
    assertThat(filed("late")).isTrue();
    alerts.add(late);
    assertThat(unacknowledged(null, 0, 10)).containsExactly("late");
  }

  @Test
  @DisplayName("stale filings beyond the page read are taken off too, at most every 5 minutes")
  void stale_filings_beyond_the_page() {
    alerts.addAll(List.of(raised("older", 0), raised("newer", 1)));
    database.getCollection(MongoAlerts.COLLECTION).updateOne(Filters.eq("_id", "older"),
        Updates.set("acknowledgedBy", "staff-1")); // its filing stayed: a stop between the two writes
    sheet().fileAll(List.of(raised("never-inserted", -1)), clock.instant());
    clock.advance(UnacknowledgedSheet.INSERT_GRACE.plusSeconds(1));

    Alerts.Page first = alerts.page(null, true, 0, 1);

    assertThat(first.alerts()).extracting(Alert::alertId).containsExactly("newer");
    assertThat(first.total()).isEqualTo(1);
    assertThat(filed("older")).isFalse();
    assertThat(filed("never-inserted")).isFalse();

    alerts.add(raised("another", 2));
    database.getCollection(MongoAlerts.COLLECTION).updateOne(Filters.eq("_id", "newer"),
        Updates.set("acknowledgedBy", "staff-1"));
    alerts.page(null, true, 0, 1);
    assertThat(filed("newer")).isTrue(); // not on that page, and the last check of every filing was just now
    clock.advance(UnacknowledgedSheet.EVERY_FILING_CHECKED);
    alerts.page(null, true, 0, 1);
    assertThat(filed("newer")).isFalse();
  }

  @Test
  @DisplayName("an acknowledged alert whose filing stayed (a stop between the two writes) is not listed, and is taken off")
  void an_acknowledged_alert_still_filed() {
    alerts.addAll(List.of(raised("a", 0), raised("b", 1)));
    database.getCollection(MongoAlerts.COLLECTION).updateOne(Filters.eq("_id", "b"),
        Updates.set("acknowledgedBy", "staff-1"));

    assertThat(unacknowledged(null, 0, 10)).containsExactly("a");
    assertThat(filed("b")).isFalse();
    assertThat(alerts.page(null, true, 0, 10).total()).isEqualTo(1);
  }

  @Test
  @DisplayName("an alert raised again (a redelivered event) after its acknowledgement stays off the list")
  void raised_again_after_acknowledgement() {
    alerts.add(raised("a", 0));
    acknowledge("a");

    assertThat(alerts.add(raised("a", 0))).isFalse();

    assertThat(filed("a")).isFalse(); // taken off again by the add, not left to a reader
    assertThat(alerts.page(null, true, 0, 10).total()).isZero();
  }

  @Test
  @DisplayName("the unacknowledged alerts of a store from before the sheet are filed once at start")
  void a_store_from_before_the_sheet() {
    alerts.addAll(List.of(raised("old-open", 0), raised("old-acknowledged", 1)));
    acknowledge("old-acknowledged");
    database.getCollection(UnacknowledgedSheet.COLLECTION).drop();

    MongoAlerts restarted = new MongoAlerts(database, clock);
    restarted.add(raised("new", 2));

    assertThat(restarted.page(null, true, 0, 10).alerts()).extracting(Alert::alertId)
        .containsExactly("new", "old-open");
    assertThat(restarted.page(null, true, 0, 10).total()).isEqualTo(2);
  }

  @Test
  @DisplayName("listing the unacknowledged alerts reads the alerts by _id only, however many are stored")
  void read_by_key_only() {
    for (int i = 0; i < 30; i++) {
      alerts.add(raised("earlier-" + i, i));
      acknowledge("earlier-" + i);
    }
    alerts.addAll(List.of(raised("open-1", 40), raised("open-2", 41), raised("open", 42)));
    clock.advance(UnacknowledgedSheet.INSERT_GRACE.plusSeconds(1)); // so the first read also checks every filing
    List<BsonDocument> commands = new ArrayList<>();
    CommandListener finds = new CommandListener() {
      @Override
      public void commandStarted(CommandStartedEvent event) {
        // Any command on the alerts (find, aggregate, count, ...): its first field names the collection.
        BsonDocument command = event.getCommand();
        if (command.get(event.getCommandName()) instanceof org.bson.BsonString target
            && target.getValue().equals(MongoAlerts.COLLECTION)) {
          commands.add(command.clone()); // the event's buffer goes
        }
      }
    };
    Alerts.Page page = readWatched(finds, reader -> {
      commands.clear(); // what opening read
      return reader.page(null, true, 0, 1);
    });

    assertThat(page.alerts()).extracting(Alert::alertId).containsExactly("open");
    assertThat(page.total()).isEqualTo(3);
    assertThat(commands).isNotEmpty().allSatisfy(command -> {
      assertThat(command.getFirstKey()).isEqualTo("find");
      assertThat(command.getDocument("filter").keySet()).containsExactly("_id");
    });
    assertThat(commands.stream().flatMap(c -> c.getDocument("filter").getDocument("_id").getArray("$in").stream())
        .map(id -> id.asString().getValue())).contains("open-1", "open-2"); // the check of every filing, by _id too
  }
}
