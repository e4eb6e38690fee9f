import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.mashfrontdoor.platform.testsupport.PinnedIdIndex;
import org.mashfrontdoor.platform.testsupport.WritesInTurn;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

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
 *       this process (the bytes are in the file, i.e. at least in the OS page cache); commands that finish while a
 *       commit is writing share the next one ({@link GroupCommit}). Not closed: MVStore's background auto-commit
 *       (kept for its housekeeping) may have taken a write's changes with its chunk not yet written when the
 *       write's own commit finds nothing unsaved, a short window that was there before;</li>
 *   <li>the file is fsync'ed once a second, so an OS crash or power loss can lose at most about the last second
 *       of acknowledged writes (fine for a developer machine, not a production guarantee);</li>
 *   <li>SIGTERM (and Ctrl-C) stops accepting connections, commits, fsyncs and closes the store cleanly.</li>
 * </ul>
 * Like mongo-java-server in general: single-document atomicity only, no multi-document transactions.
 *
 * <p>Lookups by {@code _id}. mongo-java-server uses an index only for a filter whose fields are exactly the index's
 * keys, so {@code {_id: X, version: 3}} and the driver's {@code {$and: [{_id: X}, ...]}} (every version-checked or
 * idempotent write of the services) scan the whole collection. Here the {@code _id} index also answers any filter
 * that pins {@code _id} to plain values (platform's test-support {@link PinnedIdIndex}, the tests' store's too: up puts
 * {@code platform/target/test-classes} on this program's class path); the library still applies the whole filter.
 * {@code MASH_STORE_ID_LOOKUP=off} leaves the library's index alone (to measure the difference). The library keeps
 * nothing for a secondary index; a one-field one here answers {@code {field: {$exists: true}}} ({@link
 * PresentFieldIndex}: the outbox relays' sweep, a scan of seconds under the collection's lock without it).
 *
 * <p>Writes in turn. The library changes stored documents in place and answers {@code findAndModify} with the stored
 * object itself; each write to a collection runs alone here and {@code findAndModify} answers with a copy
 * ({@link WritesInTurn}, shared with the tests' store), so concurrent {@code $inc}s each get their own number. And an
 * update here changes a copy and stores that, so no write changes a stored object: a read or a commit encoding one
 * never meets half a write.
 *
 * <p>Stored as BSON. MVStore's default type stores any class it does not know, the library's documents and index keys
 * among them, by Java serialization, again for every value of each page a commit writes; that was about half of this
 * store's CPU in a profile of {@code deploy/local/bench} (docs/performance.md). Here documents and plain index keys
 * are stored as BSON instead ({@link BsonValues}); a file written before is still read as it is. The BSON of a value
 * as last read or written is kept for a while, so a commit writes the unchanged values of a page it changed without
 * encoding them again; no write changes a stored object, so what was kept stays true.
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

  /**
   * Commits on behalf of every command that finished before the commit began. A command's reply waits for such a
   * commit, so an acknowledged write is in the file as before; commands that finish while a commit is writing share
   * the next one instead of each writing its own. {@code window}: how long a commit waits for more commands to
   * finish before it starts (zero: at once), trading that much latency per write for fewer commits. {@code commit}
   * answers whether it wrote anything, and throws when it cannot (then no waiter is answered by it).
   */
  static final class GroupCommit {
    private final BooleanSupplier commit;
    private final long windowNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committedSome = lock.newCondition();
    private final Condition gathering = lock.newCondition();
    private long finished;
    private long committedThrough;
    private boolean committing;
    private final LongAdder commits = new LongAdder();

    GroupCommit(BooleanSupplier commit, Duration window) {
      this.commit = commit;
      this.windowNanos = window.toNanos();
    }

    /** Returns once a commit that began after this call has finished; throws what that commit threw. */
    void afterCommand() {
      // H2's source suggests a commit on an interrupted thread can return before its chunk is written: commit
      // uninterrupted, and give the flag back afterwards.
      boolean interrupted = Thread.interrupted();
      lock.lock();
      try {
        long mine = ++finished;
        while (committedThrough < mine) {
          if (committing) {
            committedSome.awaitUninterruptibly();
            continue;
          }
          committing = true;
          try {
            interrupted |= gather();
            long upTo = finished; // every command counted so far finished its changes before this commit starts
            boolean wrote;
            lock.unlock();
            try {
              wrote = commit.getAsBoolean();
            } finally {
              lock.lock();
            }
            committedThrough = upTo;
            if (wrote) {
              commits.increment();
            }
          } finally {
            committing = false;
            committedSome.signalAll(); // on failure too: a waiter commits in turn
          }
        }
      } finally {
        lock.unlock();
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }

    /** Waits out the window; true when interrupted meanwhile (the commit goes ahead at once). */
    private boolean gather() {
      long left = windowNanos;
      while (left > 0) {
        try {
          left = gathering.awaitNanos(left);
        } catch (InterruptedException e) {
          return true;
        }
      }
      return false;
    }

    /** The commits that wrote something. */
    long commits() {
      return commits.sum();
    }
  }

  /** Commits every command's changes before the reply goes back to the client; counts the operations. */
  static final class CommittingH2Backend extends H2Backend {
    private final MVStore store;
    private final GroupCommit commits;
    private final Map<String, LongAdder> opcounters = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> commands = new ConcurrentHashMap<>();
    private final Map<String, LongAdder[]> shapes = new ConcurrentHashMap<>();
    private final WritesInTurn writes = new WritesInTurn();

    CommittingH2Backend(MVStore store, Duration commitWindow) {
      super(store);
      this.store = store;
      this.commits = new GroupCommit(() -> {
        if (store.isClosed()) { // closed by a failed commit (MVStore's panic) or by the stop: nothing is saved now
          throw new IllegalStateException("The store closed before this command's changes were committed");
        }
        if (!store.hasUnsavedChanges()) {
          return false;
        }
        store.commit();
        return true;
      }, commitWindow);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
      count(command, query);
      long start = System.nanoTime();
      try {
        return writes.handle(databaseName, command, query,
            () -> super.handleCommand(channel, databaseName, command, query));
      } finally {
        // Also after a failed command: a partly applied multi-document write is still acknowledged in part. A write
        // waits even when the store shows nothing unsaved: a commit under way may hold its changes, chunk unwritten.
        if (WritesInTurn.isWrite(command) || store.isClosed() || store.hasUnsavedChanges()) {
          commits.afterCommand();
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
      MVStore mvStore = getMvStore();
      return new H2Database(databaseName, mvStore, getCursorRegistry()) {
        // The library opens its maps with MVStore's default types; a map already open is handed back as it is, so
        // each is opened here first, with BSON values. The names are the library's (H2Database).
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
          return openCollection(this, mvStore, getFullCollectionNamespace(collectionName), collectionName, options);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
          BsonValues.open(mvStore, getFullCollectionNamespace(collectionName) + "._index_" + indexName);
          Index<Object> index = super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
          return ID_LOOKUP ? PinnedIdIndex.around(index, keys, sparse) : index;
        }

        // The library keeps nothing for a secondary index, yet opening a store it "builds" each one by reading every
        // document of the collection twice, because the placeholder says it is empty: 30 s of the store's start at
        // 120,000 referrals. There is nothing to build, so the placeholder here says so. (No warning either: it was
        // 30 lines at every start saying the same.)
        // A one-field index answers {field: {$exists: true}} (PresentFieldIndex): the outbox sweep's.
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
            List<IndexKey> keys, boolean sparse) {
          if (keys.size() == 1) {
            MVMap<Object, Document> documents =
                BsonValues.open(mvStore, "databases." + getFullCollectionNamespace(collectionName));
            return new PresentFieldIndex(indexName, keys, documents);
          }
          return new EmptyIndex<>(indexName, keys) {
            @Override
            public boolean isEmpty() {
              return false;
            }
          };
        }
      };
    }

    /**
     * The library's collection, with BSON values and one change: an update changes a copy of the stored document and
     * stores that copy. The library changes the document it found in place and puts the same object back; given the
     * stored object, a commit writing its page, or a reply encoding it after the command, could meet it half
     * changed, and the encoding {@link BsonValues} keeps for it would go stale. So no write changes an object once
     * stored (the library's aggregation stages such as {@code $addFields} on a nested path still could; no service
     * runs one). As the library's own {@code H2Database.openOrCreateCollection} makes it, with the map names it uses.
     */
    MongoCollection<Object> openCollection(H2Database database, MVStore mvStore, String namespace,
        String collectionName, CollectionOptions options) {
      MVMap<Object, Document> documents = BsonValues.open(mvStore, "databases." + namespace);
      MVMap<String, Object> meta = BsonValues.open(mvStore, "meta." + namespace);
      return new H2Collection(database, collectionName, options, documents, meta, getCursorRegistry()) {
        /** Inside an update, what a query finds is copied. Read and written under this collection's lock only. */
        private boolean updating;

        @Override
        public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
            boolean multi, boolean upsert, Oplog oplog) {
          return onCopies(() -> super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog));
        }

        @Override
        public synchronized Document findAndModify(Document command) {
          return onCopies(() -> super.findAndModify(command));
        }

        /** Runs a write whose query hands it copies (the library's only two that change a found document). */
        private Document onCopies(Supplier<Document> write) {
          updating = true;
          try {
            return write.get();
          } finally {
            updating = false;
          }
        }

        /*
         * The library keeps a running total of the collection's size in its meta map: every insert, update and
         * delete encodes the document to count its bytes (an update both copies) and writes the total back, one more
         * map changed at each commit. Only collStats, dbStats and validate report it: 12% of this store's CPU under
         * the benchmark (docs/performance.md) for a figure nothing here asks for. Counted when asked instead.
         */
        @Override
        protected boolean tracksDataSize() {
          return false;
        }

        /** Set once the library's constructor is done: it asks for the size only to log it, and must not scan. */
        private boolean constructed;

        {
          constructed = true;
        }

        @Override
        protected int getDataSize() { // over a snapshot of the map: holds no lock while it counts
          if (!constructed) {
            return 0;
          }
          long size = 0;
          for (Document document : documents.values()) {
            size += BsonValues.size(document);
          }
          return (int) Math.min(size, Integer.MAX_VALUE);
        }

        // Synchronized for the library's count, which is not: a one-field index built meanwhile would miss a write.
        @Override
        protected synchronized QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit,
            int batchSize, Document projection) {
          QueryResult found = super.queryDocuments(query, orderBy, skip, limit, batchSize, projection);
          if (!updating) {
            return found;
          }
          // Copied as the update takes each: an update of one document reads no further than its first match. The
          // library changes that copy in place and stores it (handleUpdate).
          return new QueryResult(() -> StreamSupport.stream(found.spliterator(), false).map(Document::cloneDeeply)
              .iterator(), found.getCursorId());
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
      status.put("mashCommits", commits.commits());
      status.put("mashEncodings", new Document("writtenAsKept", BsonValues.WRITTEN_AS_KEPT.sum())
          .append("writtenEncoded", BsonValues.WRITTEN_ENCODED.sum()));
      // The file's size, its chunks and the live share of them: MVStore writes each commit as a new chunk and
      // keeps a replaced one for its retention time, so a store under load fills its file with mostly dead chunks
      // (docs/performance.md).
      if (!store.isClosed() && store.getFileStore() != null) {
        long chunks = store.getLayoutMap().keySet().stream().filter(k -> k.startsWith("chunk.")).count();
        status.put("mashFile", new Document("bytes", store.getFileStore().size()).append("chunks", chunks)
            .append("chunksLivePercent", store.getFileStore().getChunksFillRate()));
      }
      return status;
    }
  }

  /**
   * A one-field index that answers {@code {field: {$exists: true}}} with the documents where that field may be: the
   * outbox sweep's {@code pendingEvents.id}, where events wait for milliseconds, so few documents ever hold any. The
   * library keeps nothing for a secondary index and scans the whole collection under its lock instead: 3.5 s at
   * 39,429 referrals, each write to the collection waiting meanwhile, every 5 minutes in each service. Built at the
   * first such query by one pass over the collection, then kept by each write; until asked, it costs nothing (the
   * services' other one-field indexes never are). Candidates only: the library applies the filter to each. Every call
   * is under the collection's lock (the library's count too: {@link CommittingH2Backend#openCollection}), so a build
   * never falls between a write's index update and its map write.
   */
  static final class PresentFieldIndex extends Index<Object> {
    /** How many queries such indexes answered in this JVM (the tests ask). */
    static final LongAdder ANSWERED = new LongAdder();

    private final String field;
    private final String top;
    private final MVMap<Object, Document> documents;
    /** Each candidate's {@code _id} and position; null until the first query builds it. */
    private Map<Object, Object> candidates;

    PresentFieldIndex(String name, List<IndexKey> keys, MVMap<Object, Document> documents) {
      super(name, keys, true); // sparse: removing a document it does not hold is no error
      this.field = keys.getFirst().getKey();
      this.top = field.split("\\.", 2)[0];
      this.documents = documents;
    }

    /** Where the field could exist: the top-level field present and, for a path into it, holding something. */
    private boolean mayHold(Document document) {
      if (!document.containsKey(top)) {
        return false;
      }
      Object value = document.get(top);
      return top.equals(field) || value instanceof Document inner && !inner.isEmpty()
          || value instanceof Collection<?> values && !values.isEmpty();
    }

    @Override
    public boolean canHandle(Document query) {
      if (query.size() != 1 || !(query.get(field) instanceof Document condition) || condition.size() != 1) {
        return false;
      }
      Object exists = condition.get("$exists");
      return Boolean.TRUE.equals(exists) || exists instanceof Number number && number.doubleValue() != 0;
    }

    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
      if (candidates == null) {
        candidates = new HashMap<>();
        for (Map.Entry<Object, Document> entry : documents.entrySet()) {
          if (mayHold(entry.getValue())) {
            candidates.put(entry.getValue().get("_id"), entry.getKey());
          }
        }
      }
      ANSWERED.increment();
      return List.copyOf(candidates.values());
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
      if (candidates != null && mayHold(document)) {
        candidates.put(document.get("_id"), position);
      }
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
        MongoCollection<Object> collection) {
      if (candidates != null) {
        if (mayHold(newDocument)) {
          candidates.put(newDocument.get("_id"), position);
        } else {
          candidates.remove(newDocument.get("_id"));
        }
      }
    }

    @Override
    public synchronized Object remove(Document document) {
      if (candidates != null) {
        candidates.remove(document.get("_id"));
      }
      return null; // the _id index gives the position
    }

    @Override
    public synchronized void drop() {
      candidates = null;
    }

    @Override
    public Object getPosition(Document document) {
      return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
    }

    @Override
    public synchronized long getCount() {
      return candidates == null ? 0 : candidates.size();
    }

    @Override
    public boolean isEmpty() {
      return false; // nothing for the library to build at open: built at the first query
    }

    @Override
    public long getDataSize() {
      return 0;
    }
  }

  /**
   * MVStore's default type ({@link ObjectDataType}), except that the library's documents and index keys are written as
   * BSON (the library's own codec) instead of by Java serialization, when every value they hold is one BSON gives back
   * equal and of the same class ({@link #exact}; an index key's order on file is that of its Java serialization, so
   * it must not change). Anything else (a time finer than a millisecond, such as {@code $currentDate} makes; a type
   * outside that list; a document over BSON's 16 MB), values written before (Java serialization) and every other value
   * still go through ObjectDataType: a BSON value starts with a tag ObjectDataType never writes (its own tags end at
   * 119), so old and new values sit side by side in one file. Memory is estimated from the value itself (ObjectDataType
   * would guess from the sizes it serialized, which it no longer sees) so that the page cache holds what it should.
   */
  static final class BsonValues extends ObjectDataType {
    static final byte DOCUMENT = 126;
    static final byte KEY = 127;
    static final int MAX_BSON_BYTES = 16 * 1024 * 1024; // what the library's decoder accepts

    @SuppressWarnings("unchecked")
    static <K, V> MVMap<K, V> open(MVStore store, String mapName) {
      return (MVMap<K, V>) store.openMap(mapName,
          new MVMap.Builder<Object, Object>().keyType(new BsonValues()).valueType(new BsonValues()));
    }

    @Override
    public void write(WriteBuffer buff, Object value) {
      if (!(value instanceof Document) && !(value instanceof KeyValue)) {
        super.write(buff, value);
        return;
      }
      byte[] bson = kept(value);
      if (bson == null) {
        Document document = value instanceof Document d ? d : keyAsDocument((KeyValue) value);
        bson = exact(document, value instanceof KeyValue) ? encoded(document) : null;
        if (bson == null) {
          super.write(buff, value); // nothing written yet: the old way stores it
          return;
        }
        keep(value, bson);
      }
      buff.put(value instanceof Document ? DOCUMENT : KEY).putVarInt(bson.length).put(bson);
    }

    @Override
    public Object read(ByteBuffer buff) {
      byte tag = buff.get(buff.position());
      if (tag != DOCUMENT && tag != KEY) {
        return super.read(buff);
      }
      buff.get();
      byte[] bson = new byte[DataUtils.readVarInt(buff)];
      buff.get(bson);
      Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
      Object value = tag == DOCUMENT ? document : new KeyValue((List<?>) document.get("k"));
      keep(value, bson); // a page read is written again when one of its values changes: mostly with this one as it is
      return value;
    }

    /**
     * The BSON of documents and index keys as last read or written, kept per object in a small table by identity: at
     * most 8,192 values and 8 MB of BSON, the objects held weakly (a document gone from the store's pages is not kept
     * alive here). A commit writes every value of each page it changed, not only the changed ones, and encoding all
     * of them again was a quarter of this store's CPU under load (docs/performance.md). A kept encoding cannot go
     * stale: an update changes a copy of the stored document and stores the copy
     * ({@link CommittingH2Backend#openCollection}), so an object once stored is never changed; index keys never are.
     */
    private record Encoded(WeakReference<Object> value, byte[] bson) {
    }

    private static final AtomicReferenceArray<Encoded> ENCODED = new AtomicReferenceArray<>(1 << 13);
    private static final long ENCODED_BUDGET = 8L << 20;
    private static final AtomicLong ENCODED_BYTES = new AtomicLong();
    /**
     * Document and index-key values written from a kept encoding, and encoded anew (as BSON, or by Java serialization
     * when BSON would not give them back equal); serverStatus {@code mashEncodings}.
     */
    static final LongAdder WRITTEN_AS_KEPT = new LongAdder();
    static final LongAdder WRITTEN_ENCODED = new LongAdder();

    private static byte[] kept(Object value) {
      Encoded kept = ENCODED.get(System.identityHashCode(value) & (ENCODED.length() - 1));
      if (kept != null && kept.value().get() == value) {
        WRITTEN_AS_KEPT.increment();
        return kept.bson();
      }
      WRITTEN_ENCODED.increment();
      return null;
    }

    private static void keep(Object value, byte[] bson) {
      int slot = System.identityHashCode(value) & (ENCODED.length() - 1);
      boolean fits = ENCODED_BYTES.get() + bson.length - size(ENCODED.get(slot)) <= ENCODED_BUDGET;
      // What does not fit still empties its slot, so the table keeps taking what is read and written now.
      Encoded replaced = ENCODED.getAndSet(slot, fits ? new Encoded(new WeakReference<>(value), bson) : null);
      ENCODED_BYTES.addAndGet((fits ? bson.length : 0) - size(replaced));
    }

    private static int size(Encoded encoded) {
      return encoded == null ? 0 : encoded.bson().length;
    }

    /**
     * Same order as MVStore's type, faster: it orders two index keys (the library's {@link KeyValue}, not
     * {@code Comparable}) by their Java serialization, serializing both at every comparison, and a search compares
     * one key with a page's keys again and again (19% of this store's CPU in a profile, docs/performance.md). Here
     * each key object's serialization is kept ({@link #serialized}) and compared exactly as MVStore compares it.
     */
    @Override
    public int compare(Object a, Object b) {
      if (a instanceof KeyValue x && b instanceof KeyValue y) {
        return x == y ? 0 : ObjectDataType.compareNotNull(serialized(x), serialized(y));
      }
      return super.compare(a, b);
    }

    /**
     * A key's serialization, kept per key object in a small table by identity: at most 16,384 keys and their bytes, a
     * few MB. It cannot go stale: the library copies the values it puts in a key. The keys compared here are those of
     * the unique indexes ({@code _id}, and intake's {@code idempotencyKey}): the library ignores all others.
     */
    private record Serialized(KeyValue key, byte[] bytes) {
    }

    private static final Serialized[] SERIALIZED = new Serialized[1 << 14];

    static byte[] serialized(KeyValue key) {
      int slot = System.identityHashCode(key) & (SERIALIZED.length - 1);
      Serialized kept = SERIALIZED[slot]; // a racing thread's entry is whole (final fields) or not seen: a miss
      if (kept != null && kept.key() == key) {
        return kept.bytes();
      }
      byte[] bytes = ObjectDataType.serialize(key);
      SERIALIZED[slot] = new Serialized(key, bytes);
      return bytes;
    }

    @Override
    public int getMemory(Object value) {
      return value instanceof Document || value instanceof KeyValue ? estimate(value) : super.getMemory(value);
    }

    /** The document as BSON; null if the codec refuses it or the decoder would (over 16 MB). */
    private static byte[] encoded(Document document) {
      ByteBuf bytes;
      try {
        bytes = bson(document);
      } catch (RuntimeException notBson) {
        return null;
      }
      return bytes.readableBytes() <= MAX_BSON_BYTES ? ByteBufUtil.getBytes(bytes) : null;
    }

    /** The document's size in BSON, as a reply would carry it. */
    static int size(Document document) {
      return bson(document).readableBytes();
    }

    private static ByteBuf bson(Document document) {
      ByteBuf bytes = Unpooled.buffer(256);
      BsonEncoder.encodeDocument(document, bytes);
      return bytes;
    }

    private static Document keyAsDocument(KeyValue key) {
      List<Object> values = new ArrayList<>(key.size());
      key.forEach(values::add);
      return new Document("k", values);
    }

    /**
     * Whether BSON gives the value back equal, and for a key ({@code inKey}) with the same classes, so that its Java
     * serialization, which orders the index, is the same too (BSON gives arrays back as ArrayList).
     */
    static boolean exact(Object value, boolean inKey) {
      return switch (value) {
        case null -> true;
        case String text -> true;
        case Integer number -> true;
        case Long number -> true;
        case Double number -> true;
        case Boolean flag -> true;
        case ObjectId id -> true;
        case BinData data -> true;
        case Decimal128 number -> true;
        case Instant time -> time.getNano() % 1_000_000 == 0; // BSON keeps milliseconds
        case Document document -> document.values().stream().allMatch(v -> exact(v, inKey));
        case List<?> values -> (!inKey || values.getClass() == java.util.ArrayList.class)
            && values.stream().allMatch(v -> exact(v, inKey));
        default -> false;
      };
    }

    /** Roughly the bytes the value takes on the heap, as MVStore's page cache counts them. */
    private static int estimate(Object value) {
      return switch (value) {
        case null -> 8;
        case String text -> 48 + 2 * text.length();
        case BinData data -> 32 + data.getData().length;
        case Map<?, ?> map -> {
          int bytes = 96;
          for (Map.Entry<?, ?> entry : map.entrySet()) {
            bytes += 40 + estimate(entry.getKey()) + estimate(entry.getValue());
          }
          yield bytes;
        }
        case Iterable<?> values -> { // a list, or an index key
          int bytes = 64;
          for (Object element : values) {
            bytes += 8 + estimate(element);
          }
          yield bytes;
        }
        default -> 32;
      };
    }
  }

  /**
   * The MVStore on {@code file}. Background auto-commit stays on (it also does MVStore housekeeping); the explicit
   * commits above are what make acknowledged writes durable.
   *
   * <p>Opened through H2's {@code retry:} file system. A plain {@code FileChannel} is closed for every thread when one
   * thread doing I/O on it is interrupted; MVStore then fails every later write, so a stop whose fsync thread was
   * interrupted could write neither its last chunk nor the header ("did not stop cleanly: Writing ... failed",
   * 2026-12-04). {@code retry:} still sees the channel closed, but opens the file again and repeats the call (and
   * clears the interrupted thread's flag).
   *
   * @param cacheMb MVStore's page cache, in MB (null: its default, 16); MASH_STORE_CACHE_MB sets it, to measure what
   *     a larger one buys once the file is far larger than the cache (docs/performance.md, "At 100,000")
   */
  static MVStore open(Path file, String cacheMb) {
    MVStore.Builder builder = new MVStore.Builder().fileName("retry:" + file);
    if (cacheMb != null && !cacheMb.isBlank()) {
      builder.cacheSize(Integer.parseInt(cacheMb.trim()));
    }
    return builder.open();
  }

  /**
   * Copies every map of an existing file into a new file that then replaces it (H2's {@code MVStoreTool.compact}: a
   * temporary file, then an atomic move; a stop half-way leaves the old file). Three times a store that had grown to
   * gigabytes failed its first reads after a clean stop and start ("Chunk ... not found": MVStore's read-write open
   * frees chunks still in use, h2database#4383), while a read-only open read everything and this copy opened with every
   * document in it (2026-12-04: 102,766 referrals, 2.0 GB in 5.4 s, to 549 MiB). A copy made at every start leaves
   * that bug nothing to trip on. MASH_STORE_REWRITE_AT_START=off skips it. A file it cannot copy is opened as it is.
   */
  static void rewriteAtStart(Path file) {
    if (!Files.exists(file)) {
      return;
    }
    long start = System.nanoTime();
    try {
      long before = Files.size(file);
      MVStoreTool.compact(file.toString(), false);
      System.out.printf("LocalMongoServer rewrote %s at start: %,d -> %,d MiB in %.1f s%n", file, before >> 20,
          Files.size(file) >> 20, (System.nanoTime() - start) / 1e9);
    } catch (IOException | RuntimeException e) {
      Path copy = Path.of(file + ".tempFile"); // H2's name for the copy it writes first
      try {
        Files.deleteIfExists(copy);
      } catch (IOException ignored) {
        // left behind: the next start's copy deletes it first
      }
      if (!Files.exists(file)) { // H2 moved the old file away before failing to move the copy in: never start empty
        throw new IllegalStateException("LocalMongoServer could not rewrite " + file + " at start and the file is gone"
            + " (look for " + file + ".newFile); not starting on an empty store", e);
      }
      System.err.println("LocalMongoServer could not rewrite " + file + " at start; opening it as it is: " + e);
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

    if (!"off".equals(System.getenv("MASH_STORE_REWRITE_AT_START"))) {
      rewriteAtStart(file);
    }
    MVStore store = open(file, System.getenv("MASH_STORE_CACHE_MB"));
    // How long MVStore keeps replaced chunks before reusing their space, in ms (its default: 45 s, for disks that
    // flush late). This program fsyncs every second, so a few seconds suffice; fewer chunks kept means a smaller file
    // and fewer chunk records rewritten at each commit. MASH_STORE_RETENTION_MS sets it.
    String retentionMs = System.getenv("MASH_STORE_RETENTION_MS");
    if (retentionMs != null && !retentionMs.isBlank()) {
      store.setRetentionTime(Integer.parseInt(retentionMs.trim()));
    }
    // How long a commit waits for more commands to finish before it writes, in microseconds (GroupCommit; 0: at
    // once, and commands finishing meanwhile still share the next commit). MASH_STORE_COMMIT_WINDOW_US sets it.
    String windowMicros = System.getenv("MASH_STORE_COMMIT_WINDOW_US");
    Duration commitWindow = windowMicros == null || windowMicros.isBlank() ? Duration.ZERO
        : Duration.ofNanos(Long.parseLong(windowMicros.trim()) * 1_000);
    CommittingH2Backend backend = new CommittingH2Backend(store, commitWindow);
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
      try {
        // Not shutdownNow(): an interrupt in the middle of an fsync closes the file under the store (retry: opens it
        // again, but a stop need not rely on that). Within `down`'s 20 s before it kills.
        syncer.shutdown();
        try {
          syncer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          // Close all the same, the flag left clear: set, it would cut the close's own writes short.
        }
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
