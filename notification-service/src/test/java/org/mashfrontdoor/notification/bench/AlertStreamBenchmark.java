package org.mashfrontdoor.notification.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.mashfrontdoor.notification.adapters.persistence.MongoAlerts;
import org.mashfrontdoor.notification.domain.Alert;
import org.mashfrontdoor.notification.domain.AlertType;
import org.mashfrontdoor.notification.domain.Severity;
import org.mashfrontdoor.platform.testsupport.MutableClock;
import org.mashfrontdoor.platform.testsupport.PinnedIdMemoryBackend;

/**
 * Not a test (no *Test/*IT name, so not run by verify): what the live stream costs the store as alerts pile up. With
 * N alerts stored (one a second before now, in batches of 500) in the tests' embedded store, it times the stream's
 * two reads: a pass with one new alert ({@code after} the reader's cursor, returning it) and a pass with nothing new
 * (what every reader costs at every poll), and the write of one alert. Prints one row per size: p50 / p99 ms.
 * Uses only the {@code Alerts} calls whose shape did not change, so the same source measures the code before.
 *
 * <pre>
 * ./mvnw -B -ntp -pl notification-service -am test-compile
 * ./mvnw -q -pl notification-service dependency:build-classpath -Dmdep.outputFile=/tmp/n-cp.txt -Dmdep.includeScope=test
 * java -Xmx4g -cp "notification-service/target/test-classes:notification-service/target/classes:$(cat /tmp/n-cp.txt)" \
 *   org.mashfrontdoor.notification.bench.AlertStreamBenchmark 1000,10000,100000 200
 * </pre>
 */
public final class AlertStreamBenchmark {

  private static final int BATCH = 500;

  public static void main(String[] args) {
    int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "1000,10000,100000").split(","))
        .mapToInt(Integer::parseInt).toArray();
    int timed = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    System.out.println("| alerts stored | pass with one new alert p50 / p99 | pass with nothing new p50 / p99 "
        + "| storing one alert p50 / p99 |");
    System.out.println("|---|---|---|---|");
    for (int size : sizes) {
      measure(size, timed);
    }
  }

  /**
   * A fresh embedded store holding {@code size} alerts, one a second up to now, the i-th made by {@code alert}; then
   * {@code measure} on it, the clock at now.
   */
  static void onAStoreOf(int size, BiFunction<Integer, Instant, Alert> alert,
      BiConsumer<MongoAlerts, MutableClock> measure) {
    MongoServer server = new MongoServer(new PinnedIdMemoryBackend());
    server.bind("127.0.0.1", 0);
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
      Instant now = Instant.now();
      MutableClock clock = new MutableClock(now.minusSeconds(size));
      MongoAlerts alerts = new MongoAlerts(client.getDatabase("bench"), clock);
      List<Alert> batch = new ArrayList<>(BATCH);
      for (int i = 0; i < size; i++) {
        batch.add(alert.apply(i, clock.instant()));
        clock.advance(Duration.ofSeconds(1));
        if (batch.size() == BATCH || i == size - 1) {
          alerts.addAll(batch);
          batch.clear();
        }
      }
      clock.set(now);
      measure.accept(alerts, clock);
    } finally {
      server.shutdownNow();
    }
  }

  private static void measure(int size, int timed) {
    onAStoreOf(size, (i, at) -> alert(at), (alerts, clock) -> {
      long[] withOne = new long[timed];
      long[] withNone = new long[timed];
      long[] store = new long[timed];
      for (int i = -timed / 5; i < timed; i++) { // a fifth untimed, to warm up
        clock.set(Instant.now());
        Alert alert = alert(clock.instant());
        long t0 = System.nanoTime();
        alerts.add(alert);
        long t1 = System.nanoTime();
        String cursor = alerts.positionOf(alert.alertId()).orElseThrow();
        Alert next = alert(clock.instant());
        alerts.add(next);
        long t2 = System.nanoTime();
        int read = alerts.after(cursor, 100).size();
        long t3 = System.nanoTime();
        String last = alerts.positionOf(next.alertId()).orElseThrow();
        long t4 = System.nanoTime();
        int none = alerts.after(last, 100).size();
        long t5 = System.nanoTime();
        if (read != 1 || none != 0) {
          throw new IllegalStateException("read " + read + " and " + none + " alerts, expected 1 and 0");
        }
        if (i >= 0) {
          store[i] = t1 - t0;
          withOne[i] = t3 - t2;
          withNone[i] = t5 - t4;
        }
      }
      System.out.printf("| %,d | %s | %s | %s |%n", size, p50p99(withOne), p50p99(withNone), p50p99(store));
    });
  }

  private static Alert alert(Instant at) {
    String id = UUID.randomUUID().toString();
    return new Alert(id, "referral-" + id, "MASH-" + id.substring(0, 8), AlertType.URGENT_CONTACT, Severity.URGENT,
        List.of(), at, "event-" + id, "Urgent contact: immediate risk", List.of("immediate risk"), null, null, null,
        null, null, null, null, 0, List.of(), 0);
  }

  /** p50 / p99 of {@code nanos}, in ms (the other benchmarks here print the same). */
  static String p50p99(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format("%.2f / %.2f ms", sorted[sorted.length / 2] / 1e6,
        sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6);
  }
}
