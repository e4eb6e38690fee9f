package org.mashfrontdoor.platform.bench;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.bson.Document;
import org.mashfrontdoor.platform.testsupport.PinnedIdMemoryBackend;

/**
 * Not a test (no *Test/*IT name, so not run by verify): the cost of the outbox's version-checked update
 * ({@code updateOne($and: [{_id}, {version}, {handledEventIds: {$ne}}])}, as {@code OutboxedCollection.update} sends
 * it) over the wire against mongo-java-server's memory backend holding N documents, on the library's plain backend
 * ("before": the filter is a full scan) and on the tests' {@link PinnedIdMemoryBackend} ("after": an {@code _id}
 * lookup). Prints one row per store and size: microseconds per update (p50, p99, mean).
 *
 * <pre>
 * ./mvnw -B -ntp -pl platform -am test-compile
 * ./mvnw -q -pl platform dependency:build-classpath -Dmdep.outputFile=/tmp/platform-cp.txt -Dmdep.includeScope=test
 * java -Xmx6g -cp "platform/target/test-classes:platform/target/classes:$(cat /tmp/platform-cp.txt)" \
 *   org.mashfrontdoor.platform.bench.PinnedIdBenchmark 10000,100000,1000000 5
 * </pre>
 * Arguments: the collection sizes (comma-separated; default 10000,100000) and the seconds each measurement runs
 * for (default 5: a fifth of it, or 200 updates, untimed to warm up, then up to 2,000 timed updates, at least 20).
 */
public final class PinnedIdBenchmark {

  private static final int WARM_UP = 200;
  private static final int TIMED = 2_000;
  private static final int MIN_TIMED = 20;

  public static void main(String[] args) {
    int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "10000,100000").split(","))
        .mapToInt(Integer::parseInt).toArray();
    long budgetNanos = (args.length > 1 ? Long.parseLong(args[1]) : 5) * 1_000_000_000L;
    System.out.println("| store | documents | updates timed | p50 µs | p99 µs | mean µs |");
    System.out.println("|---|---|---|---|---|---|");
    for (int size : sizes) {
      measure("library memory backend (scan)", MemoryBackend::new, size, budgetNanos);
      measure("PinnedIdMemoryBackend (_id lookup)", PinnedIdMemoryBackend::new, size, budgetNanos);
    }
  }

  private static void measure(String name, Supplier<MongoBackend> backend, int size, long budgetNanos) {
    MongoServer server = new MongoServer(backend.get());
    server.bind("127.0.0.1", 0);
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
      // The services' write concern; the in-memory store acknowledges it at once.
      MongoCollection<Document> contacts = client.getDatabase("bench").getCollection("contacts")
          .withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
      load(contacts, size);
      SplittableRandom random = new SplittableRandom(42);
      long[] versions = new long[size];
      Arrays.fill(versions, 1L);
      long[] took = new long[TIMED];
      int timed = 0;
      // Untimed warm-up: WARM_UP updates or a fifth of the budget; then timed ones until the budget is spent (at
      // least MIN_TIMED, so a slow store still gives a figure).
      long warmEnd = System.nanoTime() + budgetNanos / 5;
      long end = System.nanoTime() + budgetNanos;
      int warmedUp = -1;
      for (int n = 0; timed < TIMED && (timed < MIN_TIMED || System.nanoTime() < end); n++) {
        if (warmedUp < 0 && (n == WARM_UP || System.nanoTime() > warmEnd)) {
          warmedUp = n;
        }
        int i = random.nextInt(size);
        long start = System.nanoTime();
        long matched = contacts.updateOne(
            Filters.and(Filters.eq("_id", "contact-" + i), Filters.eq("version", versions[i]),
                Filters.ne("handledEventIds", "event-" + n)),
            Updates.combine(Updates.set("rag", "AMBER"), Updates.inc("version", 1L),
                Updates.addToSet("handledEventIds", "event-" + n))).getMatchedCount();
        long elapsed = System.nanoTime() - start;
        if (matched != 1) {
          throw new IllegalStateException("contact-" + i + " at version " + versions[i] + " did not match");
        }
        versions[i]++;
        if (warmedUp >= 0) {
          took[timed++] = elapsed;
        }
      }
      long[] sorted = Arrays.copyOf(took, timed);
      Arrays.sort(sorted);
      System.out.printf("| %s | %,d | %,d | %,.0f | %,.0f | %,.0f |%n", name, size, timed,
          percentile(sorted, 0.50) / 1e3, percentile(sorted, 0.99) / 1e3,
          Arrays.stream(sorted).average().orElse(Double.NaN) / 1e3);
    } finally {
      server.shutdownNow();
    }
  }

  /** {@code size} contact-like documents (_id, version, status, an alarm time, a handled event), in batches. */
  private static void load(MongoCollection<Document> contacts, int size) {
    List<Document> batch = new ArrayList<>(10_000);
    for (int i = 0; i < size; i++) {
      batch.add(new Document("_id", "contact-" + i).append("version", 1L).append("status", "OPEN")
          .append("rag", "GREEN").append("nextAlarmAt", new java.util.Date(1_800_000_000_000L + i))
          .append("handledEventIds", List.of("received-" + i)));
      if (batch.size() == 10_000 || i == size - 1) {
        contacts.insertMany(batch);
        batch.clear();
      }
    }
  }

  private static double percentile(long[] sorted, double p) {
    return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }
}
