package org.mashfrontdoor.triage.bench;

import org.mashfrontdoor.triage.adapters.messaging.TriageEvents;
import org.mashfrontdoor.platform.codes.ReferralType;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bson.Document;
import org.mashfrontdoor.platform.paging.PageWindow;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.mashfrontdoor.platform.outbox.OutboxedCollection;
import org.mashfrontdoor.platform.testsupport.PinnedIdMemoryBackend;
import org.mashfrontdoor.triage.adapters.persistence.ContactDocuments;
import org.mashfrontdoor.triage.adapters.persistence.MongoContacts;
import org.mashfrontdoor.triage.application.FiringDeadlines;
import org.mashfrontdoor.triage.application.FrontDoorMetrics;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.Rag;
import org.mashfrontdoor.triage.domain.RagPolicy;
import org.mashfrontdoor.triage.domain.ReceivedReferrals;

/**
 * Not a test (no *Test/*IT name, so not run by verify): loads N - K open contacts into mongo-java-server, times the
 * service's one-time filing of their alarms as it starts, writes K more through the service that breach at instants
 * spread over a window starting 10 s later, then runs the real due-sheet poller
 * (FiringDeadlines + MongoContacts) on the system clock and reports breach-firing lag p50/p99 and heap used.
 *
 * <pre>
 * ./mvnw -o -q -pl triage-service test-compile
 * java -Xmx2g -cp "triage-service/target/test-classes:triage-service/target/classes:$(cat /tmp/triage-cp.txt)" \
 *   org.mashfrontdoor.triage.bench.DeadlineSheetBenchmark 1000000 2000 60 PT0.5S
 * </pre>
 * Arguments: open contacts (1000000), of which breaching during the run (2000), window seconds (60), poll interval,
 * and optionally the URI of a store in another JVM ({@link BenchMongoServer}) so the heap measured is the service's.
 */
public final class DeadlineSheetBenchmark {

  public static void main(String[] args) throws Exception {
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int breaching = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    int windowSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    Duration pollInterval = args.length > 3 ? Duration.parse(args[3]) : Duration.ofMillis(500);

    Clock clock = Clock.systemUTC();
    RagPolicy rag = new RagPolicy(Duration.ofHours(8), Duration.ofHours(2));
    long heapBefore = usedHeapAfterGc();

    // With a URI (e.g. a BenchMongoServer in another JVM) the heap figures are the service's alone.
    String uri = args.length > 4 ? args[4] : null;
    MongoServer server = null;
    if (uri == null) {
      server = new MongoServer(new PinnedIdMemoryBackend());
      InetSocketAddress address = server.bind();
      uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
    }
    String where = server == null ? "service only; store in another JVM" : "store included";
    try (MongoClient client = MongoClients.create(uri)) {
      MongoDatabase database = client.getDatabase("triage_bench");
      MongoCollection<Document> collection = database.getCollection(MongoContacts.COLLECTION);

      // Load: first the contacts that stay GREEN throughout (skipped if a store in another JVM holds them from an
      // earlier run). They go in behind the service's back, so the service files their alarms once as it starts (as
      // for a store from before the alarm sheet): timed on its own, because a running service never does it again.
      long loadStart = System.nanoTime();
      long quiet = total - breaching;
      long present = collection.countDocuments(new Document("_id", new Document("$regex", "^quiet-")));
      if (present < quiet) {
        collection.deleteMany(new Document());
        Instant later = clock.instant().plus(Duration.ofHours(9)).truncatedTo(ChronoUnit.MILLIS);
        // Spread over 15 hours (about 1,100 a minute at 1,000,000), as a day's deadlines are, not piled into minutes.
        load(collection, rag, quiet, i -> "quiet-" + i, i -> later.plusMillis(i * 54L % 54_000_000));
      } else {
        collection.deleteMany(new Document("_id", new Document("$regex", "^breach-")));
        System.out.printf("reusing %,d quiet contacts already in the store%n", present);
      }
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      database.getCollection(MongoContacts.ALARMS).drop();
      database.getCollection("queueSheets").drop();
      long filingStart = System.nanoTime();
      MongoContacts contacts = new MongoContacts(new OutboxRelay(database, clock, 500), clock, new TriageEvents());
      double filingSeconds = (System.nanoTime() - filingStart) / 1e9;
      // Then the breaching ones through the service's own write path (alarm filed, then the contact), RED with their
      // breach alarms spread over a window starting 10 s from now, so the window does not depend on the load.
      Instant start = clock.instant().plusSeconds(10).truncatedTo(ChronoUnit.MILLIS);
      for (int i = 0; i < breaching; i++) {
        Instant breachAt = start.plusMillis(i * windowSeconds * 1000L / Math.max(1, breaching));
        contacts.open(redWithBreachAlarm(contact(rag, "breach-" + i, i, breachAt), rag), List.of(), null);
      }
      long heapLoaded = usedHeapAfterGc();
      System.out.printf("loaded %,d open contacts in %.1f s (%,.0f/s); the service filed their alarms and listed "
          + "them in its queue at start-up in %.1f s; heap used %d MB (%s; %d MB before)%n", quiet, loadSeconds, quiet / loadSeconds, filingSeconds,
          heapLoaded >> 20, where, heapBefore >> 20);

      ConcurrentLinkedQueue<Duration> lags = new ConcurrentLinkedQueue<>();
      FrontDoorMetrics capture = new FrontDoorMetrics() {
        @Override
        public void deadlineFired(Rag r, Duration lag) {
          lags.add(lag);
        }
      };
      FiringDeadlines firing = new FiringDeadlines(contacts, rag, clock, 500, capture);

      // One poll of an idle sheet: the cost of the due-sheet query itself.
      List<Long> pollMillis = new ArrayList<>();
      long peakHeap = 0;
      // Stop once every breach has fired, or well after the window (a slow store fires late, not never).
      Instant end = start.plusSeconds(windowSeconds).plusSeconds(600);
      while (clock.instant().isBefore(end) && lags.size() < breaching) {
        long t = System.nanoTime();
        firing.fireDue();
        pollMillis.add((System.nanoTime() - t) / 1_000_000);
        peakHeap = Math.max(peakHeap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        Thread.sleep(pollInterval);
      }
      List<Long> sorted = lags.stream().map(Duration::toMillis).sorted().toList();
      Collections.sort(pollMillis);
      System.out.printf("fired %,d of %,d breaches; lag p50 %d ms, p99 %d ms, max %d ms%n", sorted.size(), breaching,
          percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.isEmpty() ? -1 : sorted.getLast());
      System.out.printf("poll (query + writes) p50 %d ms, p99 %d ms over %d polls; poll interval %d ms%n",
          percentile(pollMillis, 0.50), percentile(pollMillis, 0.99), pollMillis.size(), pollInterval.toMillis());
      System.out.printf("heap: peak used %d MB during polling; %d MB after GC (%s)%n",
          peakHeap >> 20, usedHeapAfterGc() >> 20, where);
      timeQueueReads(contacts, rag, clock, total);
    } finally {
      if (server != null) {
        server.shutdownNow();
      }
    }
  }

  /**
   * The front-door queue over the same store (QueueSheets): the first page, a page half-way down, one RAG's page
   * (its count reads the sheets a RAG boundary falls in) and the counts by lane and RAG, 30 reads each.
   */
  private static void timeQueueReads(MongoContacts contacts, RagPolicy rag, Clock clock, long total) {
    record Read(String what, java.util.function.Supplier<Object> read) {
    }
    java.util.function.Function<Instant, Rag> ragNow = due -> rag.ragAt(due, clock.instant());
    int middle = (int) Math.min(Integer.MAX_VALUE, total / 2);
    for (Read read : List.of(
        new Read("first page of 200", () -> contacts.queue(null, null, ragNow, new PageWindow(0, 200))),
        new Read("page of 200 at offset " + middle, () -> contacts.queue(null, null, ragNow,
            new PageWindow(middle, 200))),
        new Read("first GREEN page of 200", () -> contacts.queue(null, Rag.GREEN, ragNow, new PageWindow(0, 200))),
        new Read("counts by lane and RAG", () -> contacts.countOpen(ragNow)))) {
      List<Long> millis = new ArrayList<>();
      Object last = null;
      for (int i = 0; i < 30; i++) {
        long t = System.nanoTime();
        last = read.read().get();
        millis.add((System.nanoTime() - t) / 1_000_000);
      }
      Collections.sort(millis);
      String shown = last instanceof org.mashfrontdoor.triage.application.Contacts.Queue q
          ? q.contacts().size() + " shown of " + q.total() : String.valueOf(last);
      System.out.printf("queue: %s p50 %d ms, p99 %d ms (%s)%n", read.what(), percentile(millis, 0.50),
          percentile(millis, 0.99), shown);
    }
  }

  private static void load(MongoCollection<Document> collection, RagPolicy rag, long count,
      java.util.function.LongFunction<String> id, java.util.function.LongFunction<Instant> due) {
    List<Document> batch = new ArrayList<>(10_000);
    for (long i = 0; i < count; i++) {
      Document doc = ContactDocuments.toDocument(contact(rag, id.apply(i), i, due.apply(i)));
      doc.put(OutboxedCollection.VERSION, 1L);
      doc.put(OutboxedCollection.PENDING_EVENTS, List.of());
      doc.put(OutboxedCollection.HANDLED_EVENT_IDS, List.of());
      batch.add(doc);
      if (batch.size() == 10_000) {
        collection.insertMany(batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      collection.insertMany(batch);
    }
  }

  /** An open contact of one school MARF received 24 h before its decision is due. */
  private static Contact contact(RagPolicy rag, String referralId, long i, Instant dueBy) {
    Instant received = dueBy.minus(Duration.ofHours(24));
    return Contact.open(ReceivedReferrals.dueWithin24Hours(referralId, "MARF-2026-" + i, ReferralType.MARF,
        "SCHOOL", "School", received, false, null, List.of(), false, List.of()), rag, received);
  }

  /** The state the clock leaves a contact in 2 h before its deadline: RED, next alarm the breach. */
  private static Contact redWithBreachAlarm(Contact open, RagPolicy rag) {
    Instant twoHoursBefore = open.decisionDueBy().minus(Duration.ofHours(2));
    Contact amber = open.advanceRag(rag, open.decisionDueBy().minus(Duration.ofHours(8))).contact();
    return amber.advanceRag(rag, twoHoursBefore).contact();
  }

  private static long percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return -1;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
  }

  private static long usedHeapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
