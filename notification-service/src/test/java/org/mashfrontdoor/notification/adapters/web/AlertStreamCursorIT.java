package org.mashfrontdoor.notification.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.notification.adapters.persistence.StoreOfAlerts;
import org.mashfrontdoor.notification.adapters.persistence.MongoAlerts;
import org.mashfrontdoor.notification.application.Alerts;
import org.mashfrontdoor.platform.testsupport.MutableClock;
import org.mashfrontdoor.platform.testsupport.TestStore;

/**
 * A reader sent nothing for a long time reads on from a window before now, not from its last alert: each pass reads
 * the stream's minutes from where it starts up to now, so without this an idle day would cost 1,440 minute keys a
 * pass.
 */
@DisplayName("The live stream: an idle reader's passes start near now")
class AlertStreamCursorIT {

  static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");

  final TestStore store = TestStore.embedded();
  final MutableClock clock = new MutableClock(NOW);
  final List<String> readFrom = new CopyOnWriteArrayList<>();
  /** The ids of the alerts each read gave the stream to send. */
  final List<String> given = new CopyOnWriteArrayList<>();
  final MongoAlerts stored = new MongoAlerts(store.database("notification"), clock);
  final Alerts alerts = recordingAfter(stored);
  final AlertStream stream = new AlertStream(alerts, clock, Duration.ofHours(1), Duration.ofDays(3), 2);

  @AfterEach
  void close() {
    stream.stop();
    store.close();
  }

  /** {@code delegate}, noting the position each {@link Alerts#after} reads from. */
  Alerts recordingAfter(Alerts delegate) {
    return (Alerts) Proxy.newProxyInstance(Alerts.class.getClassLoader(), new Class<?>[] {Alerts.class},
        (proxy, method, args) -> {
          try {
            Object result = method.invoke(delegate, args);
            if (method.getName().equals("after") && args.length == 3) {
              ((List<?>) result).forEach(p -> given.add(((Alerts.Positioned) p).alert().alertId()));
              readFrom.add((String) args[0]);
            }
            return result;
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /**
   * Runs passes until one reads (a pass skips a reader still being served); answers the time of the position that
   * first read started from.
   */
  Instant pass() {
    int before = readFrom.size();
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      stream.pass();
      return readFrom.size() > before;
    });
    return Alerts.timeOf(readFrom.get(before));
  }

  @Test
  void after_a_quiet_day_a_pass_reads_from_a_window_before_the_last_pass_not_from_yesterday() {
    stream.connect(null);
    clock.advance(Duration.ofDays(1));
    assertThat(pass()).as("the first pass reads yesterday's minutes up to now, once").isBefore(NOW);

    clock.advance(Duration.ofMinutes(1));

    assertThat(pass()).as("the window (two minutes) before the last pass")
        .isAfterOrEqualTo(NOW.plus(Duration.ofDays(1)).minusSeconds(120));
  }

  @Test
  void an_alert_readable_a_minute_after_its_position_was_taken_still_reaches_an_idle_reader() {
    stream.connect(null);
    clock.advance(Duration.ofHours(1));
    pass();
    Instant passed = clock.instant();

    // Its position taken a minute before that pass, its insert landing only now (a slow majority write).
    clock.set(passed.minusSeconds(60));
    stored.add(StoreOfAlerts.alert("late"));
    clock.set(passed.plusSeconds(5));
    pass();

    assertThat(given).containsExactly("late");
  }
}
