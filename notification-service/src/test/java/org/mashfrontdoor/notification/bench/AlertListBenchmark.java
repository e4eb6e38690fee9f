package org.mashfrontdoor.notification.bench;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.mashfrontdoor.notification.application.Alerts;
import org.mashfrontdoor.notification.domain.Alert;
import org.mashfrontdoor.notification.domain.AlertType;
import org.mashfrontdoor.notification.domain.Severity;

/**
 * Not a test (no *Test/*IT name, so not run by verify): what the alerts page's list costs the store as alerts pile
 * up. With N alerts stored in the tests' embedded store (one a second before now, in batches of 500; all but the last
 * 50 acknowledged, as on a front door that keeps up), it times {@code page(null, true, 0, 100)}, the list the alerts
 * page asks notification-service for at every view. Prints one row per size: p50 / p99 ms. Uses only the
 * {@code Alerts} calls whose shape did not change, so the same source measures the code before.
 *
 * <pre>
 * ./mvnw -B -ntp -pl notification-service -am test-compile
 * ./mvnw -q -pl notification-service dependency:build-classpath -Dmdep.outputFile=/tmp/n-cp.txt -Dmdep.includeScope=test
 * java -Xmx4g -cp "notification-service/target/test-classes:notification-service/target/classes:$(cat /tmp/n-cp.txt)" \
 *   org.mashfrontdoor.notification.bench.AlertListBenchmark 1000,10000,100000 200
 * </pre>
 */
public final class AlertListBenchmark {

  private static final int OPEN = 50;

  public static void main(String[] args) {
    int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "1000,10000,100000").split(","))
        .mapToInt(Integer::parseInt).toArray();
    int timed = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    System.out.println("| alerts stored (" + OPEN + " unacknowledged) | unacknowledged list, first 100, p50 / p99 |");
    System.out.println("|---|---|");
    for (int size : sizes) {
      measure(size, timed);
    }
  }

  private static void measure(int size, int timed) {
    AlertStreamBenchmark.onAStoreOf(size, (i, at) -> alert(at, i < size - OPEN), (alerts, clock) -> {
      long[] list = new long[timed];
      for (int i = -timed / 5; i < timed; i++) { // a fifth untimed, to warm up
        long t0 = System.nanoTime();
        Alerts.Page page = alerts.page(null, true, 0, 100);
        long t1 = System.nanoTime();
        if (page.alerts().size() != Math.min(size, OPEN)) {
          throw new IllegalStateException("listed " + page.alerts().size() + " alerts, expected " + OPEN);
        }
        if (i >= 0) {
          list[i] = t1 - t0;
        }
      }
      System.out.printf("| %,d | %s |%n", size, AlertStreamBenchmark.p50p99(list));
    });
  }

  private static Alert alert(Instant at, boolean acknowledged) {
    String id = UUID.randomUUID().toString();
    return new Alert(id, "referral-" + id, "MASH-" + id.substring(0, 8), AlertType.URGENT_CONTACT, Severity.URGENT,
        List.of(), at, "event-" + id, "Urgent contact: immediate risk", List.of("immediate risk"), null, null, null,
        acknowledged ? "staff-1" : null, acknowledged ? at.plusSeconds(60) : null, null, null, 0, List.of(), 0);
  }
}
