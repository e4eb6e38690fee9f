import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

/**
 * The benchmark driver of {@code deploy/local/bench} and {@code deploy/local/bench-intake} (a single-file program on
 * the local stack's classpath: the Kafka client and the MongoDB driver). A benchmark, not a test: nothing asserts.
 *
 * <p>{@code run}: a raw baseline (Kafka produce and consume, bare store inserts), then the pipeline measured at the
 * data size the stack holds, a preload through the API, and the pipeline measured again. Each measurement: the idle
 * stack's cost for 3 s; a closed loop of non-urgent MARFs (accepted/s, POST p50/p99) until the pipeline is idle again,
 * with the CPU time of each process over that window (from {@code /proc/<pid>/stat}), the store's opcounters and its
 * time per command, per MARF; the same load again while the end of the triage queue is polled (MARF to queue: from
 * the ack's {@code receivedAt} until a poll lists the referral; then, from that window's events on the broker, the
 * stages in between: {@link Stages}); then urgent MARFs at a steady rate while the alert
 * stream is read (urgent MARF to alert: {@code receivedAt} until its {@code URGENT_CONTACT} arrives). Prints a
 * Markdown table and writes it to a file.
 *
 * <p>{@code intake}: only the closed loop of POSTs (what {@code bench-intake} always printed).
 */
public class Bench {

  static final String POLICE_MARF = """
      {"referralType":"POLICE_NOTIFICATION",
       "referrer":{"agency":"POLICE","organisation":"Bench Constabulary","name":"PC Bench","email":"ppu@example.org"},
       "children":[{"givenName":"%s","familyName":"Bench","dateOfBirth":"2018-05-01",
                    "address":{"line1":"1 Test Street","town":"Hereford","postcode":"HR4 9EP"}}],
       "concern":{"categories":["DOMESTIC_ABUSE"],"summary":"Benchmark notification.","immediateRisk":false,"levelOfNeed":2},
       "domesticAbuse":{"dashRiskLevel":"STANDARD","childrenPresent":true},
       "consent":{"parentAware":true,"consentGiven":true}}
      """;
  static final String URGENT_MARF = """
      {"referralType":"MARF",
       "referrer":{"agency":"SCHOOL","organisation":"Bench Primary","name":"A. Bench","role":"DSL","email":"dsl@example.org"},
       "children":[{"givenName":"Bench","familyName":"Child%s","dateOfBirth":"%s",
                    "address":{"line1":"1 Test Street","town":"Hereford","postcode":"HR4 9EP"}}],
       "concern":{"categories":["PHYSICAL_ABUSE"],"summary":"Benchmark: immediate risk.","immediateRisk":true,"levelOfNeed":4},
       "consent":{"parentAware":false,"consentGiven":false,"reasonNotSought":"Benchmark.","lawfulBasis":"SAFEGUARDING_CHILDREN_DPA_2018"}}
      """;
  static final Pattern REFERRAL_ID = Pattern.compile("\"referralId\":\"([^\"]+)\"");
  static final Pattern CREATED_AT = Pattern.compile("\"createdAt\":\"([^\"]+)\"");
  static final Pattern RECEIVED_AT = Pattern.compile("\"receivedAt\":\"([^\"]+)\"");
  static final Pattern REFERRAL_IDS = Pattern.compile("\"referralIds\":\\[([^\\]]*)\\]");
  static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
  static final int QUEUE_PAGE = 500; // the queue's largest page
  static final Duration WARM_UP = Duration.ofSeconds(5);
  static final long MIN_POLL_GAP_NANOS = 200_000_000L;

  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(5)).build();

  static String intake = "http://127.0.0.1:8081";
  static String triage = "http://127.0.0.1:8082";
  static String notification = "http://127.0.0.1:8084";
  static Map<String, String> tokens = new HashMap<>();

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("intake")) {
      intakeOnly(Integer.parseInt(args[1]), Integer.parseInt(args[2]), args[3], args[4]);
    } else if (args.length > 0 && args[0].equals("run")) {
      run(Settings.of(args));
    } else {
      System.err.println("usage: Bench intake <seconds> <concurrency> <url> <police token>");
      System.err.println("       Bench run key=value... (see deploy/local/bench)");
      System.exit(2);
    }
  }

  // ---- bench-intake -------------------------------------------------------------------------------------------

  static void intakeOnly(int seconds, int concurrency, String url, String token) throws Exception {
    intake = url;
    tokens.put("police", token);
    Load load = closedLoop(concurrency, WARM_UP, Duration.ofSeconds(seconds), Long.MAX_VALUE);
    System.out.printf("concurrency %d, measured %d s after %d s warm-up%n", concurrency, seconds, WARM_UP.toSeconds());
    System.out.printf("accepted %d (%.0f MARFs/s), other statuses %s, transport failures %d%n",
        load.measured.size(), load.measured.size() / (double) seconds, load.otherStatuses, load.failures.get());
    if (!load.measured.isEmpty()) {
      long[] sorted = load.measured.stream().mapToLong(Ack::nanos).sorted().toArray();
      System.out.printf("latency of accepted: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          pct(sorted, 0.50) / 1e6, pct(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6);
    }
  }

  // ---- the whole run ------------------------------------------------------------------------------------------

  record Settings(int seconds, int concurrency, int preload, int preloadSeconds, int settleSeconds,
      double urgentRate, int urgentSeconds, int drainSeconds, Path pids, long clockTicks, String mongoUri, String kafka, Path out,
      String label, Duration warmUp) {

    /** From {@code key=value} arguments; the tokens go to {@link #tokens}. */
    static Settings of(String[] args) {
      Map<String, String> a = new HashMap<>();
      for (int i = 1; i < args.length; i++) {
        int eq = args[i].indexOf('=');
        a.put(args[i].substring(0, eq), args[i].substring(eq + 1));
      }
      for (String caller : List.of("police", "school", "mash-social-worker", "mash-manager")) {
        tokens.put(caller, a.get("token." + caller));
      }
      return new Settings(Integer.parseInt(a.get("seconds")), Integer.parseInt(a.get("concurrency")),
          Integer.parseInt(a.get("preload")), Integer.parseInt(a.get("preloadSeconds")),
          Integer.parseInt(a.get("settleSeconds")), Double.parseDouble(a.get("urgentRate")), Integer.parseInt(a.get("urgentSeconds")),
          Integer.parseInt(a.get("drainSeconds")), Path.of(a.get("pids")), Long.parseLong(a.get("clockTicks")),
          a.get("mongo"), a.get("kafka"), Path.of(a.get("out")), a.get("label"),
          Duration.ofSeconds(Integer.parseInt(a.getOrDefault("warmUpSeconds", "" + WARM_UP.toSeconds()))));
    }
  }

  /** What one measurement at one data size found. */
  record Measured(Map<String, Long> stored, long queued, double idleCpuPerSecond, double idleOpsPerSecond,
      int accepted, double acceptedPerSecond, double postP50,
      double postP99, Map<Integer, Long> otherStatuses, long failures, boolean idle, double drainSeconds,
      int windowMarfs, double windowSeconds, Map<String, Double> cpuMsPerMarf, Map<String, Double> opsPerMarf,
      double commitsPerMarf, int queueSeconds, int queueAccepted, int listed, double queueP50, double queueP99, Stages stages, int polls,
      double pollMillis, int urgentSent, int urgentSeen, double alertP50, double alertP99, double storedP50,
      double storedP99, List<String> storeTime,
      String storeFile, String idleLargest) {
  }

  static void run(Settings s) throws Exception {
    String rateLimit = environmentOf(s.pids, "referral-intake", "INTAKE_RATE_LIMIT");
    if (!"0".equals(rateLimit)) {
      System.err.println("bench: referral-intake runs with INTAKE_RATE_LIMIT=" + (rateLimit == null ? "(unset: 50)" : rateLimit)
          + "; the partner limit would cap the benchmark. Restart it with INTAKE_RATE_LIMIT=0 deploy/local/up"
          + " (deploy/local/down first).");
      System.exit(2);
    }
    progress("referral-intake runs with INTAKE_RATE_LIMIT=0 (read from its environment): no partner rate limit");
    String lookup = environmentOf(s.pids, "mongo", "MASH_STORE_ID_LOOKUP");
    String store = "off".equalsIgnoreCase(lookup)
        ? "the store with `MASH_STORE_ID_LOOKUP=off` (mongo-java-server's own indexes: filters that pin `_id` among "
            + "other conditions scan)"
        : "the store's `_id` lookup on (filters that pin `_id` use the `_id` index)";
    progress("store: " + store);
    String compilers = compilers(s.pids);
    progress(compilers);
    try (MongoClient mongo = MongoClients.create(s.mongoUri);
        Admin kafka = Admin.create(Map.of("bootstrap.servers", s.kafka))) {
      String kafkaBaseline = kafkaBaseline(s.kafka);
      String storeBaseline = storeBaseline(mongo, s.concurrency);

      Measured first = measure(s, mongo, kafka);
      progress("measured at " + size(first) + ": " + first.acceptedPerSecond + " MARFs/s");
      String preloaded = preload(s, mongo, kafka);
      progress(preloaded);
      Measured second = measure(s, mongo, kafka);
      progress("measured at " + size(second) + ": " + second.acceptedPerSecond + " MARFs/s");

      String table = table(s, store + "; " + compilers, kafkaBaseline, storeBaseline, preloaded, first, second);
      Files.writeString(s.out, table);
      System.out.println(table);
    }
  }

  static Measured measure(Settings s, MongoClient mongo, Admin kafka) throws Exception {
    Map<String, Long> stored = storedCounts(mongo);
    long queued = queueTotal();
    progress("measuring with " + stored + " stored, " + queued + " contacts queued");

    // 0. What the idle stack costs anyway (polling loops), for reading the per-MARF figures below.
    Map<String, Long> idleCpu = cpuMillis(s);
    Map<String, Long> idleOps = opcounters(mongo);
    long idleStart = System.nanoTime();
    Thread.sleep(3_000);
    double idleSeconds = (System.nanoTime() - idleStart) / 1e9;
    Map<String, Long> idleCpuAfter = cpuMillis(s);
    double idleCpuPerSecond = (total(idleCpuAfter) - total(idleCpu)) / idleSeconds;
    String idleLargest = idleCpuAfter.entrySet().stream().filter(e -> !e.getKey().equals("load generator"))
        .map(e -> Map.entry(e.getKey(), (e.getValue() - idleCpu.getOrDefault(e.getKey(), e.getValue())) / idleSeconds))
        .filter(e -> e.getValue() >= 0) // a process restarted meanwhile counts from 0 again
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(3)
        .map(e -> String.format("%s %.0f", e.getKey(), e.getValue())).collect(java.util.stream.Collectors.joining(", "));
    double idleOpsPerSecond = (opcounters(mongo).values().stream().mapToLong(Long::longValue).sum()
        - idleOps.values().stream().mapToLong(Long::longValue).sum()) / idleSeconds;

    // 1. Throughput and cost: nothing else asks the services anything meanwhile.
    Map<String, Long> cpuBefore = cpuMillis(s);
    Map<String, Long> opsBefore = opcounters(mongo);
    long commitsBefore = commits(mongo);
    Map<String, long[]> timesBefore = commandTimes(mongo);
    long windowStart = System.nanoTime();
    Load load = closedLoop(s.concurrency, s.warmUp, Duration.ofSeconds(s.seconds), Long.MAX_VALUE);
    long lastPost = System.nanoTime();
    progress(load.accepted.get() + " MARFs accepted; waiting until every consumer has caught up");
    boolean idle = awaitIdle(kafka, mongo, Duration.ofSeconds(s.drainSeconds));
    double drainSeconds = (System.nanoTime() - lastPost) / 1e9;
    double windowSeconds = (System.nanoTime() - windowStart) / 1e9;
    Map<String, Long> cpuAfter = cpuMillis(s);
    Map<String, Long> opsAfter = opcounters(mongo);
    long commitsAfter = commits(mongo);
    Map<String, long[]> timesAfter = commandTimes(mongo);

    int marfs = load.all.size();
    Map<String, Double> cpu = new LinkedHashMap<>();
    long sum = 0;
    for (var e : cpuAfter.entrySet()) {
      long used = e.getValue() - cpuBefore.getOrDefault(e.getKey(), e.getValue());
      cpu.put(e.getKey(), used / (double) marfs);
      if (!e.getKey().equals("load generator")) {
        sum += used;
      }
    }
    cpu.put("all the stack's processes", sum / (double) marfs);
    Map<String, Double> ops = new LinkedHashMap<>();
    opsAfter.forEach((k, v) -> ops.put(k, (v - opsBefore.getOrDefault(k, 0L)) / (double) marfs));
    long[] post = load.measured.stream().mapToLong(Ack::nanos).sorted().toArray();
    List<String> storeTime = storeTime(timesBefore, timesAfter, marfs);

    // 2. MARF to queue: the same load again, while the queue's tail is polled (which costs the services too).
    int queueSeconds = Math.max(5, s.seconds / 2);
    progress("MARF to queue: the same load for " + queueSeconds + " s, polling the queue");
    Map<TopicPartition, Long> eventsFrom = ends(kafka, PIPELINE_TOPICS);
    QueueWatcher watcher = new QueueWatcher(queueTotal());
    Load timed;
    try {
      timed = closedLoop(s.concurrency, WARM_UP, Duration.ofSeconds(queueSeconds), Long.MAX_VALUE);
      Set<String> ids = timed.measured.stream().map(Ack::referralId).collect(Collectors.toSet());
      long drainEnd = System.nanoTime() + Duration.ofSeconds(s.drainSeconds).toNanos();
      while (!watcher.firstSeen.keySet().containsAll(ids) && System.nanoTime() < drainEnd) {
        watcher.awaitPoll();
      }
    } finally {
      watcher.stop();
    }
    long[] toQueue = timed.measured.stream().filter(a -> watcher.firstSeen.containsKey(a.referralId()))
        .mapToLong(a -> Duration.between(a.receivedAt(), watcher.firstSeen.get(a.referralId())).toMillis())
        .sorted().toArray();
    awaitIdle(kafka, mongo, Duration.ofSeconds(s.drainSeconds));
    Stages stages = stages(s.kafka, eventsFrom, ends(kafka, PIPELINE_TOPICS), timed.measured);

    // 3. Urgent MARF to alert, at a steady rate.
    progress("urgent MARFs at " + s.urgentRate + "/s for " + s.urgentSeconds + " s, timed to the alert stream");
    Urgent urgent = urgent(s.urgentRate, s.urgentSeconds);
    awaitIdle(kafka, mongo, Duration.ofSeconds(s.drainSeconds));
    return new Measured(stored, queued, idleCpuPerSecond, idleOpsPerSecond, load.measured.size(), load.measured.size() / (double) s.seconds,
        pct(post, 0.50) / 1e6, pct(post, 0.99) / 1e6, load.otherStatuses, load.failures.get(), idle, drainSeconds,
        marfs, windowSeconds, cpu, ops,
        commitsBefore < 0 || commitsAfter < 0 ? Double.NaN : (commitsAfter - commitsBefore) / (double) marfs,
        queueSeconds, timed.measured.size(), toQueue.length, pct(toQueue, 0.50),
        pct(toQueue, 0.99), stages, (int) watcher.polls.get(),
        watcher.polls.get() == 0 ? Double.NaN : watcher.pollNanos.get() / 1e6 / watcher.polls.get(),
        urgent.sent, urgent.seen.length, pct(urgent.seen, 0.50), pct(urgent.seen, 0.99), pct(urgent.stored, 0.50),
        pct(urgent.stored, 0.99), storeTime,
        storeFile(mongo), idleLargest);
  }

  /** The store's time per command, collection and filter shape (LocalMongoServer's mashCommandTimes). */
  static Map<String, long[]> commandTimes(MongoClient mongo) {
    Document status = serverStatus(mongo);
    Map<String, long[]> times = new HashMap<>();
    if (status.get("mashCommandTimes") instanceof Document byShape) {
      byShape.forEach((key, v) -> times.put(key, new long[] {((Document) v).get("count", Number.class).longValue(),
          ((Document) v).get("micros", Number.class).longValue()}));
    }
    return times;
  }

  /** The commands that took most of the store's time between the two readings, as lines for the table. */
  static List<String> storeTime(Map<String, long[]> before, Map<String, long[]> after, int marfs) {
    Map<String, long[]> delta = new HashMap<>();
    after.forEach((key, v) -> {
      long[] b = before.getOrDefault(key, new long[2]);
      delta.put(key, new long[] {v[0] - b[0], v[1] - b[1]});
    });
    long total = delta.values().stream().mapToLong(v -> v[1]).sum();
    return delta.entrySet().stream().filter(e -> e.getValue()[1] > 0)
        .sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1])).limit(6)
        .map(e -> String.format("%.0f%%, %.2f per MARF, %.1f ms each: `%s`", 100.0 * e.getValue()[1] / total,
            e.getValue()[0] / (double) marfs, e.getValue()[1] / 1e3 / Math.max(1, e.getValue()[0]), e.getKey()))
        .toList();
  }

  /**
   * Waits until the pipeline is idle: every service's consumer group has read every event of the MASH topics and
   * the store has taken no write (outbox relays moving events are writes), four checks in a row half a second apart.
   * False when {@code limit} passed first.
   */
  static boolean awaitIdle(Admin kafka, MongoClient mongo, Duration limit) throws Exception {
    long end = System.nanoTime() + limit.toNanos();
    int quiet = 0;
    long writes = writes(mongo);
    while (quiet < 4) {
      if (System.nanoTime() > end) {
        return false;
      }
      Thread.sleep(500); // polling the broker's offsets and the store's counters: nothing tells us when it is idle
      long now = writes(mongo);
      quiet = lag(kafka) == 0 && now == writes ? quiet + 1 : 0;
      writes = now;
    }
    return true;
  }

  /**
   * Inserts, updates and deletes the store has taken (not findAndModify: an idle stack still takes about one a
   * second, a lease).
   */
  static long writes(MongoClient mongo) {
    Map<String, Long> counters = opcounters(mongo);
    return counters.getOrDefault("insert", 0L) + counters.getOrDefault("update", 0L)
        + counters.getOrDefault("delete", 0L);
  }

  /** Events on the MASH topics not yet read by the services' consumer groups (the bench's own are left out). */
  static long lag(Admin kafka) throws Exception {
    Map<TopicPartition, Long> committed = new HashMap<>();
    for (var group : kafka.listGroups().all().get()) {
      if (group.groupId().startsWith("mash-bench") || group.groupId().startsWith("mash-dlt")) {
        continue;
      }
      kafka.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get().forEach((tp, offset) -> {
        if (tp.topic().startsWith("mash.") && !tp.topic().endsWith(".DLT") && offset != null) {
          committed.merge(tp, offset.offset(), Math::min);
        }
      });
    }
    if (committed.isEmpty()) {
      return 0;
    }
    long lag = 0;
    for (var e : latest(kafka, committed.keySet()).entrySet()) {
      lag += Math.max(0, e.getValue() - committed.get(e.getKey()));
    }
    return lag;
  }

  /** The end offset of each partition. */
  static Map<TopicPartition, Long> latest(Admin kafka, Collection<TopicPartition> partitions) throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = new HashMap<>();
    kafka.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }

  // ---- posting MARFs ------------------------------------------------------------------------------------------

  record Ack(int status, String referralId, Instant receivedAt, long nanos) {
  }

  static Ack post(boolean urgent) throws IOException, InterruptedException {
    // A child of its own each time, so no MARF joins another's open contact.
    String body = urgent
        ? URGENT_MARF.formatted(UUID.randomUUID().toString().substring(0, 8),
            LocalDate.of(2012, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000)))
        : POLICE_MARF.formatted("C" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    HttpRequest request = HttpRequest.newBuilder(URI.create(intake + "/api/v1/referrals"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + tokens.get(urgent ? "school" : "police"))
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    long start = System.nanoTime();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    long took = System.nanoTime() - start;
    if (response.statusCode() != 202) {
      return new Ack(response.statusCode(), null, null, took);
    }
    return new Ack(202, group(REFERRAL_ID, response.body()), Instant.parse(group(RECEIVED_AT, response.body())), took);
  }

  /** Accepted MARFs: all of them, and those of the measured window (after the warm-up). */
  record Load(Collection<Ack> all, Collection<Ack> measured, AtomicLong accepted, Map<Integer, Long> otherStatuses,
      AtomicLong failures) {
  }

  /**
   * {@code concurrency} posters of non-urgent MARFs, each posting again as soon as answered, until the time is up
   * or {@code limit} are accepted.
   */
  static Load closedLoop(int concurrency, Duration warmUp, Duration measured, long limit)
      throws InterruptedException {
    long warmUpEnd = System.nanoTime() + warmUp.toNanos();
    long end = warmUpEnd + measured.toNanos();
    Load load = new Load(new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>(), new AtomicLong(),
        new ConcurrentHashMap<>(), new AtomicLong());
    try (var posters = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < concurrency; i++) {
        posters.submit(() -> {
          while (System.nanoTime() < end && load.accepted.get() < limit) {
            try {
              long start = System.nanoTime();
              Ack ack = post(false);
              if (ack.status() == 202) {
                load.accepted.incrementAndGet();
                load.all.add(ack);
                if (start >= warmUpEnd) {
                  load.measured.add(ack);
                }
              } else if (start >= warmUpEnd) {
                load.otherStatuses.merge(ack.status(), 1L, Long::sum);
              }
            } catch (IOException e) {
              load.failures.incrementAndGet();
            }
          }
          return null;
        });
      }
    }
    return load;
  }

  // ---- MARF to queue ------------------------------------------------------------------------------------------

  /**
   * Polls the end of the triage queue and notes when each referral is first listed. The contacts queued when it
   * starts were all received earlier than the MARFs it watches, so they have less time left and come first (urgent
   * ones first of all): every new non-urgent contact is listed after them, though not in the order received (triage
   * reads several partitions). So each poll reads, page after page, from there to the end.
   */
  static final class QueueWatcher {
    final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
    final AtomicLong polls = new AtomicLong();
    final AtomicLong pollNanos = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private final long from;

    QueueWatcher(long queuedBefore) {
      from = Math.max(0, queuedBefore - 50);
      thread = Thread.ofPlatform().name("queue-watcher").start(this::watch);
    }

    private void watch() {
      while (running) {
        long start = System.nanoTime();
        try {
          long offset = from;
          long total;
          do {
            HttpResponse<String> page = queuePage(offset, QUEUE_PAGE);
            Instant at = Instant.now();
            Matcher ids = REFERRAL_IDS.matcher(page.body());
            while (ids.find()) {
              Matcher id = QUOTED.matcher(ids.group(1));
              while (id.find()) {
                firstSeen.putIfAbsent(id.group(1), at);
              }
            }
            total = page.headers().firstValueAsLong("X-Total-Count").orElse(0);
            offset += QUEUE_PAGE;
          } while (offset < total && running);
        } catch (IOException e) {
          // A poll that failed is retried by the next one.
        } catch (InterruptedException e) {
          return;
        }
        long took = System.nanoTime() - start;
        pollNanos.addAndGet(took);
        synchronized (this) {
          polls.incrementAndGet();
          notifyAll();
        }
        try {
          // At most five polls a second: each page read costs triage and the store a few key lookups.
          Thread.sleep(Math.max(0, (MIN_POLL_GAP_NANOS - took) / 1_000_000));
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    /** Returns once the next poll has ended (or after a second). */
    synchronized void awaitPoll() throws InterruptedException {
      long seen = polls.get();
      long deadline = System.currentTimeMillis() + 1_000;
      while (polls.get() == seen && System.currentTimeMillis() < deadline) {
        wait(Math.max(1, deadline - System.currentTimeMillis()));
      }
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
    }
  }

  static HttpResponse<String> queuePage(long offset, int limit) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(triage + "/api/v1/triage/queue?offset=" + offset
            + "&limit=" + limit)).header("Authorization", "Bearer " + tokens.get("mash-social-worker"))
        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static long queueTotal() throws IOException, InterruptedException {
    return queuePage(0, 1).headers().firstValueAsLong("X-Total-Count").orElse(-1);
  }

  // ---- where MARF to queue goes ------------------------------------------------------------------------------

  static final List<String> PIPELINE_TOPICS = List.of("mash.referral.events", "mash.triage.events");
  // Events are compact JSON, as the API's answers are (REFERRAL_ID serves both).
  static final Pattern EVENT_TYPE = Pattern.compile("\"type\":\"([^\"]+)\"");
  static final Pattern EVENT_TIME = Pattern.compile("\"time\":\"([^\"]+)\"");

  /**
   * Milliseconds from each MARF's {@code receivedAt} until: its {@code referral.received.v1} was on the broker (the
   * record's time, which the producer sets as the relay sends it, before the broker acknowledges: intake's write, then
   * its relay); triage opened its contact (the {@code triage.contact-opened.v1} event's {@code time}, taken once
   * triage has read the contacts and kept the referrals' details, before the writes that file, list and store the
   * contact); and that event was on the broker (the same kind of time, after those writes and triage's relay). The
   * contact is listed between the last two. Sorted, each of the MARFs both events were found for.
   */
  record Stages(long[] onBroker, long[] opened, long[] openedOnBroker) {
  }

  /** The end offset of each partition of {@code topics}. */
  static Map<TopicPartition, Long> ends(Admin kafka, List<String> topics) throws Exception {
    List<TopicPartition> partitions = new ArrayList<>();
    for (var topic : kafka.describeTopics(topics).allTopicNames().get().values()) {
      topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
    }
    return latest(kafka, partitions);
  }

  /** Reads the two topics between the offsets and times each of {@code acks} through them. */
  static Stages stages(String bootstrap, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to, Collection<Ack> acks) {
    Map<String, Instant> received = new HashMap<>();
    acks.forEach(a -> received.put(a.referralId(), a.receivedAt()));
    Map<String, Long> onBroker = new HashMap<>();
    Map<String, Long> opened = new HashMap<>();
    Map<String, Long> openedOnBroker = new HashMap<>();
    Properties properties = new Properties();
    properties.put("bootstrap.servers", bootstrap);
    properties.put("enable.auto.commit", "false");
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
        new StringDeserializer())) {
      consumer.assign(from.keySet());
      from.forEach(consumer::seek);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (from.keySet().stream().anyMatch(tp -> consumer.position(tp) < to.get(tp)) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          String value = record.value();
          String referralId = first(REFERRAL_ID, value);
          Instant at = referralId == null ? null : received.get(referralId);
          if (at == null) {
            continue;
          }
          String type = first(EVENT_TYPE, value);
          if ("referral.received.v1".equals(type)) {
            onBroker.putIfAbsent(referralId, record.timestamp() - at.toEpochMilli());
          } else if ("triage.contact-opened.v1".equals(type)) {
            opened.putIfAbsent(referralId, Instant.parse(first(EVENT_TIME, value)).toEpochMilli() - at.toEpochMilli());
            openedOnBroker.putIfAbsent(referralId, record.timestamp() - at.toEpochMilli());
          }
        }
      }
    }
    Set<String> both = new HashSet<>(onBroker.keySet());
    both.retainAll(opened.keySet());
    return new Stages(sorted(onBroker, both), sorted(opened, both), sorted(openedOnBroker, both));
  }

  private static long[] sorted(Map<String, Long> millis, Set<String> keys) {
    return keys.stream().mapToLong(millis::get).sorted().toArray();
  }

  // ---- urgent MARF to alert -----------------------------------------------------------------------------------

  /** Of the urgent MARFs: how many were sent, and the milliseconds from receipt to each alert streamed and raised. */
  record Urgent(int sent, long[] seen, long[] stored) {
  }

  /** Urgent MARFs at {@code rate} a second for {@code seconds}, timed from receivedAt to the alert stream. */
  static Urgent urgent(double rate, int seconds) throws Exception {
    Map<String, Instant> streamed = new ConcurrentHashMap<>();
    Map<String, Instant> created = new ConcurrentHashMap<>(); // the alert's createdAt (raised): where the time went
    HttpRequest stream = HttpRequest.newBuilder(URI.create(notification + "/api/v1/alerts/stream"))
        .header("Authorization", "Bearer " + tokens.get("mash-manager")).header("Accept", "text/event-stream").build();
    var subscription = HTTP.sendAsync(stream, HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(line -> {
      Instant at = Instant.now();
      if (line.startsWith("data:") && line.contains("\"URGENT_CONTACT\"")) {
        Matcher id = REFERRAL_ID.matcher(line);
        Matcher createdAt = CREATED_AT.matcher(line);
        if (id.find() && createdAt.find()) {
          streamed.putIfAbsent(id.group(1), at);
          created.putIfAbsent(id.group(1), Instant.parse(createdAt.group(1)));
        }
      }
    }));
    Thread.sleep(1_000); // the stream is open before the first MARF
    Map<String, Instant> received = new ConcurrentHashMap<>();
    int count = (int) Math.round(rate * seconds);
    long gap = (long) (1_000_000_000L / rate);
    long next = System.nanoTime();
    try (var posters = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int n = 0; n < count; n++) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(Duration.ofNanos(wait)); // pacing the load, not waiting for a result
        }
        next += gap;
        posters.submit(() -> {
          Ack ack = post(true);
          if (ack.status() == 202) {
            received.put(ack.referralId(), ack.receivedAt());
          }
          return null;
        });
      }
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!streamed.keySet().containsAll(received.keySet()) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    subscription.cancel(true);
    return new Urgent(received.size(), millisUntil(received, streamed), millisUntil(received, created));
  }

  /** For each referral in both: the milliseconds from {@code from} to {@code to}, sorted. */
  static long[] millisUntil(Map<String, Instant> from, Map<String, Instant> to) {
    return from.entrySet().stream().filter(e -> to.containsKey(e.getKey()))
        .mapToLong(e -> Math.max(0, Duration.between(e.getValue(), to.get(e.getKey())).toMillis()))
        .sorted().toArray();
  }

  // ---- preload ------------------------------------------------------------------------------------------------

  static String preload(Settings s, MongoClient mongo, Admin kafka) throws Exception {
    long before = storedCounts(mongo).getOrDefault("referrals", 0L);
    double quietStore = storeCpuPerSecond(s, Duration.ofSeconds(5));
    long start = System.nanoTime();
    progress("preloading up to " + s.preload + " referrals, for at most " + s.preloadSeconds + " s");
    Load load = closedLoop(s.concurrency, Duration.ZERO, Duration.ofSeconds(s.preloadSeconds), s.preload);
    double posting = (System.nanoTime() - start) / 1e9;
    // Every consumer catches up before the next measurement.
    boolean idle = awaitIdle(kafka, mongo, Duration.ofSeconds(3L * s.drainSeconds));
    double settling = (System.nanoTime() - start) / 1e9 - posting;
    long after = storedCounts(mongo).getOrDefault("referrals", 0L);
    String fileAfterPreload = storeFile(mongo);
    String quiet = settleStore(s, mongo, quietStore);
    return String.format("preloaded %,d referrals through the API in %.0f s (%.0f/s, concurrency %d; target %,d, "
            + "time limit %d s), then %.0f s until every consumer had caught up%s; %,d stored before, %,d after; "
            + "then %s (the store's file %s, then %s)",
        load.accepted.get(), posting, load.accepted.get() / posting, s.concurrency, s.preload, s.preloadSeconds,
        settling, idle ? "" : " (it had not: the limit passed)", before, after, quiet, fileAfterPreload,
        storeFile(mongo));
  }

  static final int QUIET_WINDOWS = 6;
  static final int SETTLED_LIVE_PERCENT = 70;

  /**
   * After a burst of writes the local store keeps busy for minutes without requests: MVStore rewrites the thinly
   * filled chunks the burst left and shrinks its file (docs/performance.md, "Explained"). Measured straight away, the
   * next column would pay for that burst rather than for the data size. Waits until six 10-s windows in a row cost
   * the store no more than 1.5 times what it cost idle before the preload, plus 20 ms a second, and (where the store
   * says, the local one) its chunks are at least {@value #SETTLED_LIVE_PERCENT}% live, for at most
   * {@code settleSeconds}; says how long it took. Quiet windows alone passed in spells between compaction bursts,
   * with the file a quarter live and the store busy again just after (docs/performance.md).
   */
  static String settleStore(Settings s, MongoClient mongo, double quietBefore) throws Exception {
    if (Double.isNaN(quietBefore)) {
      return "no wait for the store to settle (not measured: no store process of the stack's, e.g. MONGODB_URI's)";
    }
    double limit = 1.5 * quietBefore + 20;
    long start = System.nanoTime();
    long end = start + Duration.ofSeconds(s.settleSeconds).toNanos();
    int quietWindows = 0;
    boolean gone = false;
    boolean compacted = false;
    while (!(quietWindows >= QUIET_WINDOWS && compacted) && !gone && System.nanoTime() < end) {
      double rate = storeCpuPerSecond(s, Duration.ofSeconds(10));
      gone = Double.isNaN(rate);
      quietWindows = rate <= limit ? quietWindows + 1 : 0;
      int live = storeLivePercent(mongo);
      compacted = live < 0 || live >= SETTLED_LIVE_PERCENT;
    }
    return String.format("%.0f s until the store was as quiet as before (%s; idle before: %.0f CPU-ms/s)",
        (System.nanoTime() - start) / 1e9,
        quietWindows >= QUIET_WINDOWS && compacted ? QUIET_WINDOWS + " 10-s windows in a row under "
            + Math.round(limit) + " CPU-ms/s, the file at least " + SETTLED_LIVE_PERCENT + "% live"
            : gone ? "it was not measured: the store process went away or restarted"
            : "it was not: the limit of " + s.settleSeconds + " s passed", quietBefore);
  }

  /** The live share of LocalMongoServer's chunks (its mashFile), in percent; -1 when the store does not say. */
  static int storeLivePercent(MongoClient mongo) {
    Document file = storeFileStatus(mongo);
    return file == null ? -1 : ((Number) file.get("chunksLivePercent")).intValue();
  }

  /**
   * The store process's CPU milliseconds per second over {@code window}; NaN when the stack runs no store, or its
   * process went away or restarted meanwhile (a new process's CPU starts again from 0).
   */
  static double storeCpuPerSecond(Settings s, Duration window) throws Exception {
    Long before = cpuMillis(s).get("mongo");
    if (before == null) {
      return Double.NaN;
    }
    long start = System.nanoTime();
    Thread.sleep(window.toMillis());
    Long after = cpuMillis(s).get("mongo");
    return after == null || after < before ? Double.NaN : (after - before) / ((System.nanoTime() - start) / 1e9);
  }

  // ---- baselines ----------------------------------------------------------------------------------------------

  static String kafkaBaseline(String bootstrap) throws Exception {
    String topic = "mash.bench.baseline";
    byte[] value = new byte[1024];
    Properties producerProperties = new Properties();
    producerProperties.put("bootstrap.servers", bootstrap);
    producerProperties.put("acks", "all");
    producerProperties.put("linger.ms", "5");
    long produced;
    double produceSeconds;
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties, new ByteArraySerializer(),
        new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, value)).get(); // creates the topic
      AtomicLong acked = new AtomicLong();
      long start = System.nanoTime();
      long end = start + Duration.ofSeconds(5).toNanos();
      while (System.nanoTime() < end) {
        producer.send(new ProducerRecord<>(topic, value), (m, e) -> {
          if (e == null) {
            acked.incrementAndGet();
          }
        });
      }
      producer.flush();
      produceSeconds = (System.nanoTime() - start) / 1e9;
      produced = acked.get();
    }
    Properties consumerProperties = new Properties();
    consumerProperties.put("bootstrap.servers", bootstrap);
    consumerProperties.put("group.id", "mash-bench-" + UUID.randomUUID());
    consumerProperties.put("enable.auto.commit", "false");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      long endOffset = consumer.endOffsets(List.of(partition)).get(partition);
      long from = Math.max(0, endOffset - produced);
      consumer.seek(partition, from);
      long read = 0;
      long start = System.nanoTime();
      long deadline = start + Duration.ofSeconds(30).toNanos();
      while (read < endOffset - from && System.nanoTime() < deadline) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
        read += records.count();
      }
      double consumeSeconds = (System.nanoTime() - start) / 1e9;
      String line = String.format("Kafka: produced %,.0f records/s (1 KB, acks=all, one producer, 5 s), consumed "
          + "%,.0f records/s (one consumer)", produced / produceSeconds, read / consumeSeconds);
      progress(line);
      return line;
    }
  }

  static String storeBaseline(MongoClient mongo, int concurrency) throws InterruptedException {
    MongoCollection<Document> inserts = mongo.getDatabase("bench_baseline").getCollection("inserts")
        .withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    ConcurrentLinkedQueue<Long> took = new ConcurrentLinkedQueue<>();
    String payload = "x".repeat(1000);
    long start = System.nanoTime();
    long end = start + Duration.ofSeconds(5).toNanos();
    try (var writers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < concurrency; i++) {
        writers.submit(() -> {
          while (System.nanoTime() < end) {
            long t = System.nanoTime();
            inserts.insertOne(new Document("_id", UUID.randomUUID().toString()).append("payload", payload));
            took.add(System.nanoTime() - t);
          }
        });
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    mongo.getDatabase("bench_baseline").drop();
    long[] sorted = took.stream().mapToLong(Long::longValue).sorted().toArray();
    String line = String.format("store: %,.0f bare inserts/s (1 KB documents, majority + journal, %d at once; "
            + "p50 %.1f ms, p99 %.1f ms)", sorted.length / seconds, concurrency, pct(sorted, 0.5) / 1e6,
        pct(sorted, 0.99) / 1e6);
    progress(line);
    return line;
  }

  // ---- what the machine and the store say ---------------------------------------------------------------------

  /** CPU time (user + system) of each process of the stack and of this one, in milliseconds. */
  static Map<String, Long> cpuMillis(Settings s) throws IOException {
    Map<String, Long> cpu = new TreeMap<>();
    for (var process : stackPids(s.pids).entrySet()) {
      Long ms = cpuOf(process.getValue(), s.clockTicks);
      if (ms != null) {
        cpu.put(process.getKey(), ms);
      }
    }
    cpu.put("load generator", cpuOf(Long.toString(ProcessHandle.current().pid()), s.clockTicks));
    return cpu;
  }

  /** The pid of each of the stack's processes by name, from deploy/local's pid files, in name order. */
  static Map<String, String> stackPids(Path pids) throws IOException {
    Map<String, String> byName = new TreeMap<>();
    try (var files = Files.list(pids)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
        byName.put(file.getFileName().toString().replace(".pid", ""), Files.readString(file).trim());
      }
    }
    return byName;
  }


  /** CPU milliseconds of the stack's processes (not this one). */
  static long total(Map<String, Long> cpu) {
    return cpu.entrySet().stream().filter(e -> !e.getKey().equals("load generator")).mapToLong(Map.Entry::getValue)
        .sum();
  }

  static Long cpuOf(String pid, long clockTicks) {
    try {
      String stat = Files.readString(Path.of("/proc", pid, "stat"));
      // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / clockTicks;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Which of the stack's JVMs run C1 only ({@code -XX:TieredStopAtLevel=1}) and which the JVM's tiered C2. */
  static String compilers(Path pids) throws IOException {
    List<String> c1Only = new ArrayList<>();
    List<String> tiered = new ArrayList<>();
    for (var process : stackPids(pids).entrySet()) {
      List<String> args;
      try {
        args = List.of(Files.readString(Path.of("/proc", process.getValue(), "cmdline")).split("\0"));
      } catch (IOException e) {
        continue; // not running
      }
      if (args.getFirst().endsWith("java")) { // not Prometheus
        (args.contains("-XX:TieredStopAtLevel=1") ? c1Only : tiered).add(process.getKey());
      }
    }
    return "JIT: C1 only (`-XX:TieredStopAtLevel=1`) in " + (c1Only.isEmpty() ? "none" : String.join(", ", c1Only))
        + "; the JVM's tiered C2 in " + (tiered.isEmpty() ? "none" : String.join(", ", tiered));
  }


  /** {@code variable} in the environment of the stack's process {@code name}; null when unset. */
  static String environmentOf(Path pids, String name, String variable) throws IOException {
    String pid = Files.readString(pids.resolve(name + ".pid")).trim();
    for (String entry : Files.readString(Path.of("/proc", pid, "environ")).split("\0")) {
      if (entry.startsWith(variable + "=")) {
        return entry.substring(variable.length() + 1);
      }
    }
    return null;
  }

  /** The store's opcounters (deploy/local/LocalMongoServer.java adds them); empty when it has none. */
  static Map<String, Long> opcounters(MongoClient mongo) {
    Document status = serverStatus(mongo);
    Map<String, Long> counters = new LinkedHashMap<>();
    if (status.get("opcounters") instanceof Document opcounters) {
      opcounters.forEach((k, v) -> counters.put(k, ((Number) v).longValue()));
    }
    return counters;
  }

  /** The commits LocalMongoServer has written for commands (its mashCommits); -1 when the store does not say. */
  static long commits(MongoClient mongo) {
    Document status = serverStatus(mongo);
    return status.get("mashCommits") instanceof Number n ? n.longValue() : -1;
  }

  /** The store's serverStatus: its opcounters and, from LocalMongoServer, its own figures (mash...). */
  static Document serverStatus(MongoClient mongo) {
    return mongo.getDatabase("admin").runCommand(new Document("serverStatus", 1));
  }

  /** LocalMongoServer's file (its mashFile): size, chunks and the live share of them; null when the store does not say. */
  static String storeFile(MongoClient mongo) {
    Document file = storeFileStatus(mongo);
    if (file == null) {
      return null;
    }
    return String.format("%,d MiB, %,d chunks, %d%% live", ((Number) file.get("bytes")).longValue() >> 20,
        ((Number) file.get("chunks")).longValue(), ((Number) file.get("chunksLivePercent")).intValue());
  }

  /** LocalMongoServer's mashFile (bytes, chunks, chunksLivePercent); null when the store does not say. */
  static Document storeFileStatus(MongoClient mongo) {
    return serverStatus(mongo).get("mashFile") instanceof Document file ? file : null;
  }

  static Map<String, Long> storedCounts(MongoClient mongo) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("referrals", mongo.getDatabase("referral_intake").getCollection("referrals").estimatedDocumentCount());
    counts.put("contacts", mongo.getDatabase("triage").getCollection("contacts").estimatedDocumentCount());
    counts.put("alerts", mongo.getDatabase("notification").getCollection("alerts").estimatedDocumentCount());
    return counts;
  }

  /** A row of p50 / p99 from one stage of MARF to queue, with how many MARFs it covers. */
  static void stage(StringBuilder t, String label, Measured a, Measured b, Function<Stages, long[]> of) {
    long[] x = of.apply(a.stages);
    long[] y = of.apply(b.stages);
    t.append("| ").append(label).append(" p50 / p99 (MARFs timed) | ").append(ms(pct(x, 0.50), pct(x, 0.99)))
        .append(" (").append(x.length).append(") | ").append(ms(pct(y, 0.50), pct(y, 0.99))).append(" (")
        .append(y.length).append(") |\n");
  }

  // ---- the table ----------------------------------------------------------------------------------------------

  static String table(Settings s, String storeMode, String kafka, String store, String preloaded, Measured a,
      Measured b) {
    StringBuilder t = new StringBuilder();
    t.append("#### ").append(s.label).append("\n\n");
    t.append(String.format("%s; closed loop of %d posters, %d s measured after %d s warm-up; urgent MARFs at %.0f/s "
        + "for %d s; `INTAKE_RATE_LIMIT=0`. Raw baseline in the same run: %s; %s. Between the two columns: %s.%n%n",
        capitalised(storeMode), s.concurrency, s.seconds, s.warmUp.toSeconds(), s.urgentRate, s.urgentSeconds, kafka,
        store, preloaded));
    t.append("| | ").append(size(a)).append(" | ").append(size(b)).append(" |\n|---|---|---|\n");
    row(t, "accepted MARFs/s", "%.0f", a.acceptedPerSecond, b.acceptedPerSecond);
    t.append("| POST p50 / p99 | ").append(ms(a.postP50, a.postP99)).append(" | ").append(ms(b.postP50, b.postP99))
        .append(" |\n");
    t.append("| not accepted (status: count), transport failures | ").append(a.otherStatuses).append(", ")
        .append(a.failures).append(" | ").append(b.otherStatuses).append(", ").append(b.failures).append(" |\n");
    t.append("| every consumer caught up, after the last POST | ").append(drained(a)).append(" | ").append(drained(b))
        .append(" |\n");
    t.append("| MARF → queue p50 / p99 | ").append(ms(a.queueP50, a.queueP99)).append(" | ")
        .append(ms(b.queueP50, b.queueP99)).append(" |\n");
    stage(t, "of which until the referral's event was on the broker (intake's write and relay)", a, b, Stages::onBroker);
    stage(t, "of which until triage opened the contact (its event's `time`, before the writes that list it)", a, b,
        Stages::opened);
    stage(t, "of which until the contact-opened event was on the broker (after those writes)", a, b,
        Stages::openedOnBroker);
    t.append(String.format("| listed in the queue / accepted (%d s of load); queue polls (mean ms each) | "
            + "%d / %d; %d (%.0f) | %d / %d; %d (%.0f) |%n", a.queueSeconds, a.listed, a.queueAccepted, a.polls,
        a.pollMillis, b.listed, b.queueAccepted, b.polls, b.pollMillis));
    t.append("| urgent MARF → alert p50 / p99 | ").append(ms(a.alertP50, a.alertP99)).append(" | ")
        .append(ms(b.alertP50, b.alertP99)).append(" |\n");
    t.append("| of which until notification raised it (its `createdAt`, before its writes) p50 / p99 | ").append(ms(a.storedP50, a.storedP99))
        .append(" | ").append(ms(b.storedP50, b.storedP99)).append(" |\n");
    t.append(String.format("| urgent alerts on the stream / sent | %d / %d | %d / %d |%n", a.urgentSeen, a.urgentSent,
        b.urgentSeen, b.urgentSent));
    t.append(String.format("| CPU and store window: MARFs, seconds | %d, %.0f s | %d, %.0f s |%n", a.windowMarfs,
        a.windowSeconds, b.windowMarfs, b.windowSeconds));
    t.append(String.format("| idle stack, before: CPU ms/s (all processes), store operations/s | %.0f, %.0f | "
        + "%.0f, %.0f |%n", a.idleCpuPerSecond, a.idleOpsPerSecond, b.idleCpuPerSecond, b.idleOpsPerSecond));
    t.append(String.format("| idle stack, before: the three largest, CPU ms/s | %s | %s |%n", a.idleLargest,
        b.idleLargest));
    for (String process : a.cpuMsPerMarf.keySet()) {
      row(t, "CPU ms per MARF: " + process, "%.1f", a.cpuMsPerMarf.get(process),
          b.cpuMsPerMarf.getOrDefault(process, Double.NaN));
    }
    if (a.opsPerMarf.isEmpty()) {
      t.append("| store operations per MARF | not measured (the store has no opcounters) | |\n");
    } else {
      t.append("| store operations per MARF: ").append(String.join(" / ", a.opsPerMarf.keySet())).append(" | ")
          .append(ops(a.opsPerMarf)).append(" | ").append(ops(b.opsPerMarf)).append(" |\n");
      double sumA = a.opsPerMarf.values().stream().mapToDouble(Double::doubleValue).sum();
      double sumB = b.opsPerMarf.values().stream().mapToDouble(Double::doubleValue).sum();
      row(t, "store operations per MARF, all", "%.1f", sumA, sumB);
    }
    if (!Double.isNaN(a.commitsPerMarf)) {
      row(t, "store commits per MARF (a write's reply waits for one)", "%.1f", a.commitsPerMarf, b.commitsPerMarf);
    }
    if (a.storeFile != null) {
      t.append("| store file after the measurement: size (MiB), MVStore chunks, live share of the chunks' bytes | ")
          .append(a.storeFile).append(" | ").append(b.storeFile).append(" |\n");
    }
    if (!a.storeTime.isEmpty()) {
      t.append("\nWhere the store's time went in each CPU window (share of the time it spent on commands, commit "
          + "included; calls per MARF; command, collection and filter shape):\n\n");
      t.append("- ").append(size(a)).append(":\n");
      a.storeTime.forEach(line -> t.append("  - ").append(line).append("\n"));
      t.append("- ").append(size(b)).append(":\n");
      b.storeTime.forEach(line -> t.append("  - ").append(line).append("\n"));
    }
    return t.toString();
  }

  static String drained(Measured m) {
    return m.idle ? String.format("%.0f s", m.drainSeconds) : String.format("not within %.0f s", m.drainSeconds);
  }

  static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  static String size(Measured m) {
    return String.format("%,d referrals, %,d contacts (%,d queued), %,d alerts stored", m.stored.get("referrals"),
        m.stored.get("contacts"), m.queued, m.stored.get("alerts"));
  }

  static void row(StringBuilder t, String name, String format, double a, double b) {
    t.append("| ").append(name).append(" | ").append(String.format(format, a)).append(" | ")
        .append(String.format(format, b)).append(" |\n");
  }

  static String ms(double p50, double p99) {
    return Double.isNaN(p50) ? "none measured" : String.format("%,.0f / %,.0f ms", p50, p99);
  }

  static String ops(Map<String, Double> ops) {
    return ops.values().stream().map(v -> String.format("%.1f", v)).collect(Collectors.joining(" / "));
  }

  static double pct(long[] sorted, double p) {
    return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  static String group(Pattern pattern, String text) {
    String group = first(pattern, text);
    if (group == null) {
      throw new IllegalStateException("no " + pattern + " in " + text);
    }
    return group;
  }

  /** The first match's group, or null. */
  static String first(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  static void progress(String line) {
    System.err.printf("[bench %s] %s%n", Instant.now().toString().substring(11, 19), line);
  }
}
