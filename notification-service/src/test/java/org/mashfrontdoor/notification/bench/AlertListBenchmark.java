package org.mashfrontdoor.notification.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.mashfrontdoor.notification.adapters.persistence.MongoAlerts;
import org.mashfrontdoor.notification.application.Alerts;
import org.mashfrontdoor.notification.domain.Alert;
import org.mashfrontdoor.notification.domain.AlertType;
import org.mashfrontdoor.notification.domain.Severity;

/**
 * Not a test (no *Test/*IT name, so not run by verify): what the alerts page's list costs the store as alerts pile
 * up. With N alerts stored in the tests' embedded store (one a second before now, in batches of 500; all but the last
 * {@code open} acknowledged, 50 unless given: a front door that keeps up), it times {@code page(null, true, 0, 100)},
 * the list the alerts page asks notification-service for at every view, and the same view when it also checks every
 * filing (at most once every 5 minutes). Prints one row per size: p50 / p99 ms. Uses only the
 * {@code Alerts} calls whose shape did not change, so the same source measures the code before.
 *
 * <pre>
 * ./mvnw -B -ntp -pl notification-service -am test-compile
 * ./mvnw -q -pl notification-service dependency:build-classpath -Dmdep.outputFile=/tmp/n-cp.txt -Dmdep.includeScope=test
 * java -Xmx4g -cp "notification-service/target/test-classes:notification-service/target/classes:$(cat /tmp/n-cp.txt)" \
 *   org.mashfrontdoor.notification.bench.AlertListBenchmark 1000,10000,100000 200 [open=50]
 * </pre>
 */
public final class AlertListBenchmark {


  public static void main(String[] args) {
    int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "1000,10000,100000").split(","))
        .mapToInt(Integer::parseInt).toArray();
    int timed = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int open = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    System.out.println("| alerts stored (" + open + " unacknowledged) | unacknowledged list, first 100, p50 / p99 "
        + "| the same view checking every filing, p50 / p99 |");
    System.out.println("|---|---|---|");
    for (int size : sizes) {
      measure(size, timed, open);
    }
  }

  private static void measure(int size, int timed, int open) {
    AlertStreamBenchmark.onAStoreOf(size, (i, at) -> alert(at, i < size - open), (alerts, clock) -> {
      long[] list = timedViews(alerts, () -> { }, timed, Math.min(100, Math.min(size, open)));
      // Each view 5 minutes after the last: each also checks every filing (all filed more than 5 minutes before).
      long[] checking = timedViews(alerts, () -> clock.advance(Duration.ofMinutes(5)), timed,
          Math.min(100, Math.min(size, open)));
      System.out.printf("| %,d | %s | %s |%n", size, AlertStreamBenchmark.p50p99(list),
          AlertStreamBenchmark.p50p99(checking));
    });
  }

  /** {@code timed} views of the first page, a fifth more untimed first to warm up, {@code before} each. */
  private static long[] timedViews(MongoAlerts alerts, Runnable before, int timed, int expected) {
    long[] nanos = new long[timed];
    for (int i = -timed / 5; i < timed; i++) {
      before.run();
      long t0 = System.nanoTime();
      Alerts.Page page = alerts.page(null, true, 0, 100);
      long t1 = System.nanoTime();
      if (page.alerts().size() != expected) {
        throw new IllegalStateException("listed " + page.alerts().size() + " alerts, expected " + expected);
      }
      if (i >= 0) {
        nanos[i] = t1 - t0;
      }
    }
    return nanos;
  }

  private static Alert alert(Instant at, boolean acknowledged) {
    String id = UUID.randomUUID().toString();
    return new Alert(id, "referral-" + id, "MASH-" + id.substring(0, 8), AlertType.URGENT_CONTACT, Severity.URGENT,
        List.of(), at, "event-" + id, "Urgent contact: immediate risk", List.of("immediate risk"), null, null, null,
        acknowledged ? "staff-1" : null, acknowledged ? at.plusSeconds(60) : null, null, null, 0, List.of(), 0);
  }
}
