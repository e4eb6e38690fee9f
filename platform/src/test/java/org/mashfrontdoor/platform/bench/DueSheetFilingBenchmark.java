package org.mashfrontdoor.platform.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.mashfrontdoor.platform.persistence.AlarmsBySecond;
import org.mashfrontdoor.platform.testsupport.MutableClock;
import org.mashfrontdoor.platform.testsupport.PinnedIdMemoryBackend;

/**
 * Not a test (no *Test/*IT name, so not run by verify): what filing alarms on a due sheet costs as contacts arrive at a
 * steady rate, and what a poll with nothing due costs meanwhile. Contacts arrive at RATE a second for MINUTES (on a
 * clock the benchmark moves), in batches of BATCH as triage opens them; each is filed with its alarm 24 hours on, so
 * every filing lands in the sheet's documents of the minutes (or seconds) to come, as in the running stack. The
 * aggregate documents are written too, untimed. Prints one row: the sheet's largest document (ids) and p50 / p99 ms
 * of filing a batch and of a poll. {@code STORE} is a MongoDB URI (the local stack's store, say) or {@code embedded}
 * (the tests' in-memory stand-in). Uses only calls whose shape did not change, so the same source (with the class's
 * old name) measures the sheet by minute.
 *
 * <pre>
 * ./mvnw -B -ntp -pl platform -am test-compile
 * ./mvnw -q -pl platform dependency:build-classpath -Dmdep.outputFile=/tmp/platform-cp.txt -Dmdep.includeScope=test
 * java -cp "platform/target/test-classes:platform/target/classes:$(cat /tmp/platform-cp.txt)" \
 *   org.mashfrontdoor.platform.bench.DueSheetFilingBenchmark mongodb://127.0.0.1:27999 80 5 15
 * </pre>
 */
public final class DueSheetFilingBenchmark {

  public static void main(String[] args) {
    String store = args.length > 0 ? args[0] : "embedded";
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 80;
    int minutes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int batch = args.length > 3 ? Integer.parseInt(args[3]) : 15;
    MongoServer server = null;
    String uri = store;
    if (store.equals("embedded")) {
      server = new MongoServer(new PinnedIdMemoryBackend());
      server.bind("127.0.0.1", 0);
      uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }
    try (MongoClient client = MongoClients.create(uri)) {
      MongoDatabase database = client.getDatabase("due_sheet_bench_" + UUID.randomUUID().toString().substring(0, 8));
      MongoCollection<Document> items = database.getCollection("items");
      MutableClock clock = new MutableClock(Instant.now());
      AlarmsBySecond<Document> sheet = new AlarmsBySecond<>(database, "alarms", clock, new AlarmsBySecond.Clocked<>(
          items, Filters.eq("open", true), "alarmAt", d -> d, d -> d.getString("_id"),
          d -> d.getDate("alarmAt").toInstant()));
      List<Long> filing = new ArrayList<>();
      List<Long> polls = new ArrayList<>();
      long contacts = (long) rate * 60 * minutes;
      Duration perBatch = Duration.ofNanos(1_000_000_000L * batch / rate);
      Instant nextPoll = clock.instant();
      for (long filed = 0; filed < contacts; filed += batch) {
        List<AlarmsBySecond.Filing> filings = new ArrayList<>(batch);
        List<Document> written = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
          String id = UUID.randomUUID().toString();
          Instant alarmAt = clock.instant().plus(Duration.ofHours(24));
          filings.add(new AlarmsBySecond.Filing(id, alarmAt));
          written.add(new Document("_id", id).append("open", true).append("alarmAt", Date.from(alarmAt)));
        }
        long start = System.nanoTime();
        sheet.fileAll(filings);
        filing.add(System.nanoTime() - start);
        items.insertMany(written);
        clock.advance(perBatch);
        while (!nextPoll.isAfter(clock.instant())) { // the deadline clock polls every 0.5 s
          start = System.nanoTime();
          sheet.due(nextPoll, 500);
          polls.add(System.nanoTime() - start);
          nextPoll = nextPoll.plusMillis(500);
        }
      }
      int largest = 0;
      for (Document d : database.getCollection("alarms").find()) {
        largest = Math.max(largest, d.getList("ids", String.class, List.of()).size());
      }
      System.out.printf("| %s | %,d at %d/s in batches of %d | %,d | %s | %s |%n", AlarmsBySecond.class.getSimpleName(),
          contacts, rate, batch, largest, percentiles(filing), percentiles(polls));
      database.drop();
    } finally {
      if (server != null) {
        server.shutdownNow();
      }
    }
  }

  private static String percentiles(List<Long> nanos) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return String.format("%.2f / %.2f ms", sorted[sorted.length / 2] / 1e6,
        sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))] / 1e6);
  }

  private DueSheetFilingBenchmark() {
  }
}
