import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * The local stack's MongoDB: a MongoDB wire-protocol server (mongo-java-server) on 127.0.0.1 whose data lives in
 * one H2 MVStore file, {@code <dataDir>/mongo.mv.db}, so it survives a restart. No mongod needed.
 *
 * <p>Run as a single-file source program:
 * {@code java -cp <classpath> LocalMongoServer.java <dataDir> [port]} (port defaults to 27017).
 *
 * <p>Durability. mongo-java-server never commits the MVStore itself; left alone, MVStore only auto-commits in the
 * background about once a second, so a hard kill would lose the last second of acknowledged writes. Here:
 * <ul>
 *   <li>every command that left unsaved changes (insert, update, delete, findAndModify, createIndexes, drop, ...)
 *       is committed to the file BEFORE its reply is sent, so an acknowledged write survives {@code kill -9} of
 *       this process (the bytes are in the file, i.e. at least in the OS page cache);</li>
 *   <li>the file is fsync'ed once a second, so an OS crash or power loss can lose at most about the last second
 *       of acknowledged writes (fine for a developer machine, not a production guarantee);</li>
 *   <li>SIGTERM (and Ctrl-C) stops accepting connections, commits, fsyncs and closes the store cleanly.</li>
 * </ul>
 * Like mongo-java-server in general: single-document atomicity only, no multi-document transactions.
 *
 * <p>Lookups by {@code _id}. mongo-java-server uses an index only for a filter whose fields are exactly the index's
 * keys, so {@code {_id: X, version: 3}} and the driver's {@code {$and: [{_id: X}, ...]}} (every version-checked or
 * idempotent write of the services) scan the whole collection. Here the {@code _id} index also answers any filter
 * that pins {@code _id} to plain values ({@link PinnedIdIndex}); the library still applies the whole filter.
 * {@code MASH_STORE_ID_LOOKUP=off} leaves the library's index alone (to measure the difference).
 *
 * <p>{@code serverStatus} carries {@code opcounters} as MongoDB counts them (insert, update and delete per
 * document or statement; query per find; getmore; command for everything else), {@code opcountersByCommand}
 * (commands received, by name) and {@code mashCommandTimes} (count and microseconds spent, commit included, per
 * command, collection and filter shape: the filter with its values replaced by 1; the first statement's for a
 * batch), so a benchmark can count store operations per request and say which ones take the time
 * ({@code deploy/local/bench}).
 */
public class LocalMongoServer {

  /** Whether the _id index answers filters that pin _id among other conditions (static: the backend's constructor
   * opens the databases already in the file, before any field of the subclass is set). */
  static final boolean ID_LOOKUP = !"off".equalsIgnoreCase(System.getenv("MASH_STORE_ID_LOOKUP"));

  /** Commits every command's changes before the reply goes back to the client; counts the operations. */
  static final class CommittingH2Backend extends H2Backend {
    private final MVStore store;
    private final Map<String, LongAdder> opcounters = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> commands = new ConcurrentHashMap<>();
    private final Map<String, LongAdder[]> shapes = new ConcurrentHashMap<>();

    CommittingH2Backend(MVStore store) {
      super(store);
      this.store = store;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
      count(command, query);
      long start = System.nanoTime();
      try {
        return super.handleCommand(channel, databaseName, command, query);
      } finally {
        // Also after a failed command: a partly applied multi-document write is still acknowledged in part.
        if (!store.isClosed() && store.hasUnsavedChanges()) {
          store.commit();
        }
        time(databaseName, command, query, System.nanoTime() - start);
      }
    }

    /** Time spent per command, collection and filter shape (the filter with its values left out). */
    private void time(String databaseName, String command, Document query, long nanos) {
      if (!(query.get(command) instanceof String collection)) {
        return; // not about a collection (hello, ping, ...)
      }
      Object filter = switch (command) {
        case "find", "count" -> query.get(command.equals("find") ? "filter" : "query");
        case "findAndModify" -> query.get("query");
        case "update", "delete" -> query.get(command + "s") instanceof List<?> statements && !statements.isEmpty()
            && statements.getFirst() instanceof Document first ? first.get("q") : null;
        case "aggregate" -> query.get("pipeline") instanceof List<?> stages && !stages.isEmpty()
            && stages.getFirst() instanceof Document first ? first.get("$match") : null;
        default -> null;
      };
      String key = command + " " + databaseName + "." + collection + " " + (filter == null ? "" : shape(filter));
      shapes.computeIfAbsent(key, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
      LongAdder[] counters = shapes.get(key);
      counters[0].increment();
      counters[1].add(nanos);
    }

    /** {@code value} with its field names and operators kept and every other value replaced by 1. */
    private static Object shape(Object value) {
      if (value instanceof Document document) {
        Document shaped = new Document();
        document.forEach((k, v) -> shaped.put(k, shape(v)));
        return shaped;
      }
      if (value instanceof List<?> list) {
        return list.stream().anyMatch(v -> v instanceof Document)
            ? list.stream().map(CommittingH2Backend::shape).toList() : List.of(1);
      }
      return 1;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
      if (!ID_LOOKUP) {
        return super.openOrCreateDatabase(databaseName);
      }
      return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
          return PinnedIdIndex.around(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse), keys,
              sparse);
        }
      };
    }

    private void count(String command, Document query) {
      commands.computeIfAbsent(command, c -> new LongAdder()).increment();
      switch (command) {
        case "insert" -> add("insert", statements(query, "documents"));
        case "update" -> add("update", statements(query, "updates"));
        case "delete" -> add("delete", statements(query, "deletes"));
        case "find" -> add("query", 1);
        case "getMore" -> add("getmore", 1);
        default -> add("command", 1);
      }
    }

    private static int statements(Document query, String field) {
      return query.get(field) instanceof List<?> list ? list.size() : 1;
    }

    private void add(String counter, int n) {
      opcounters.computeIfAbsent(counter, c -> new LongAdder()).add(n);
    }

    @Override
    public Document getServerStatus() {
      Document status = super.getServerStatus();
      Document counters = new Document();
      for (String counter : List.of("insert", "query", "update", "delete", "getmore", "command")) {
        LongAdder n = opcounters.get(counter);
        counters.put(counter, n == null ? 0L : n.sum());
      }
      status.put("opcounters", counters);
      Document byCommand = new Document();
      new TreeMap<>(commands).forEach((name, n) -> byCommand.put(name, n.sum()));
      status.put("opcountersByCommand", byCommand);
      Document byShape = new Document();
      new TreeMap<>(shapes).forEach((key, n) -> byShape.put(key,
          new Document("count", n[0].sum()).append("micros", n[1].sum() / 1_000)));
      status.put("mashCommandTimes", byShape);
      return status;
    }
  }

  /**
   * mongo-java-server's {@code _id} index, also used when a filter pins {@code _id} among other conditions: at the
   * top level or in a conjunct of a top-level {@code $and}, to a plain value, {@code {$eq: X}} or
   * {@code {$in: [X, ...]}}. The candidates are looked up with the library's own {@code {_id: ...}} lookup and the
   * library applies the whole filter to them, so what matches is unchanged; any other filter is left to the library.
   * The same class as the tests' {@code platform/.../testsupport/PinnedIdIndex.java}: this program must stay one
   * source file (JDK 21 runs no more), so it cannot share that one; keep them alike. {@code PinnedIdIndexIT}
   * compiles this file and runs its scenarios on both.
   */
  static final class PinnedIdIndex<P> extends Index<P> {

    private static final String ID = "_id";

    private final Index<P> idIndex;

    private PinnedIdIndex(Index<P> idIndex, List<IndexKey> keys, boolean sparse) {
      super(idIndex.getName(), keys, sparse);
      this.idIndex = idIndex;
    }

    static <P> Index<P> around(Index<P> index, List<IndexKey> keys, boolean sparse) {
      boolean onId = keys.size() == 1 && keys.getFirst().getKey().equals(ID);
      return onId ? new PinnedIdIndex<>(index, keys, sparse) : index;
    }

    /** {@code {_id: X}} or {@code {_id: {$in: [...]}}} for the _id values the filter pins; null if none. */
    private static Document pinnedId(Document filter) {
      if (filter.containsKey(ID)) {
        Document pinned = pin(filter.get(ID));
        if (pinned != null) {
          return pinned;
        }
      }
      if (filter.get("$and") instanceof List<?> conjuncts) {
        for (Object conjunct : conjuncts) {
          if (conjunct instanceof Document condition) {
            Document pinned = pinnedId(condition);
            if (pinned != null) {
              return pinned;
            }
          }
        }
      }
      return null;
    }

    private static Document pin(Object value) {
      if (isPlain(value)) {
        return new Document(ID, value);
      }
      if (value instanceof Document operator && operator.size() == 1) {
        if (isPlain(operator.get("$eq"))) {
          return new Document(ID, operator.get("$eq"));
        }
        if (operator.get("$in") instanceof Collection<?> values && values.stream().allMatch(PinnedIdIndex::isPlain)) {
          return new Document(ID, new Document("$in", values));
        }
      }
      return null;
    }

    /** Compared by equality: not null (which also matches a missing field), a document, array or pattern. */
    private static boolean isPlain(Object value) {
      return value != null && !(value instanceof Document) && !(value instanceof Collection)
          && !(value instanceof BsonRegularExpression) && !(value instanceof Pattern);
    }

    @Override
    public boolean canHandle(Document query) {
      return idIndex.canHandle(query) || pinnedId(query) != null;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
      return idIndex.canHandle(query) ? idIndex.getPositions(query) : idIndex.getPositions(pinnedId(query));
    }

    @Override
    public P getPosition(Document document) {
      return idIndex.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
      idIndex.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
      idIndex.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
      return idIndex.remove(document);
    }

    @Override
    public long getCount() {
      return idIndex.getCount();
    }

    @Override
    public boolean isEmpty() {
      return idIndex.isEmpty();
    }

    @Override
    public long getDataSize() {
      return idIndex.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
      idIndex.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
        throws KeyConstraintError {
      idIndex.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public boolean isUnique() {
      return idIndex.isUnique();
    }

    @Override
    public void drop() {
      idIndex.drop();
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: java -cp <classpath> LocalMongoServer.java <dataDir> [port]");
      System.exit(2);
    }
    Path dataDir = Path.of(args[0]).toAbsolutePath();
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 27017;
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve("mongo.mv.db");

    // Background auto-commit stays on (it also does MVStore housekeeping); the explicit commits above are what
    // make acknowledged writes durable.
    MVStore store = new MVStore.Builder().fileName(file.toString()).open();
    CommittingH2Backend backend = new CommittingH2Backend(store);
    MongoServer server = new MongoServer(backend);
    server.bind("127.0.0.1", port);
    System.out.println("LocalMongoServer listening on mongodb://127.0.0.1:" + port + " with data in " + file
        + (ID_LOOKUP ? "" : " (MASH_STORE_ID_LOOKUP=off: filters that pin _id among other conditions scan)"));

    ScheduledExecutorService syncer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mvstore-fsync");
      t.setDaemon(true);
      return t;
    });
    syncer.scheduleWithFixedDelay(() -> {
      try {
        if (!store.isClosed()) {
          store.sync();
        }
      } catch (RuntimeException e) {
        System.err.println("MVStore fsync failed: " + e);
      }
    }, 1, 1, TimeUnit.SECONDS);

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("LocalMongoServer stopping: committing and closing " + file);
      syncer.shutdownNow();
      try {
        server.shutdownNow(); // stops listening, closes client connections, then closes the backend and MVStore
        if (!store.isClosed()) {
          store.close(); // commits what is left
        }
        // MVStore.close() does not fsync: force the file once more so a clean stop is durable on disk too.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
          channel.force(true);
        }
        System.out.println("LocalMongoServer stopped cleanly");
      } catch (Exception e) {
        System.err.println("LocalMongoServer did not stop cleanly: " + e);
      } finally {
        stopped.countDown();
      }
    }, "local-mongo-shutdown"));
    stopped.await();
  }
}
