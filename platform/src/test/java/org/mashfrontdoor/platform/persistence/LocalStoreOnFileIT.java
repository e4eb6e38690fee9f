package org.mashfrontdoor.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack's store on its file ({@code deploy/local/LocalMongoServer.java}): documents and index keys are
 * stored as BSON, read back as they were written across a restart, and a file written before (Java serialization,
 * the library's own H2 backend) is still read and written.
 */
@DisplayName("Local stack store on file: BSON storage survives restarts and reads files written before")
class LocalStoreOnFileIT {

  @TempDir
  Path dir;
  /** The store {@link #withStore} has open, and its database. */
  MVStore store;
  MongoDatabase database;

  /** One referral-like document with every kind of value the services store, and server-side changes to come. */
  static Document referral(String id, String reference) {
    return new Document("_id", id).append("reference", reference).append("version", 3L).append("count", 7)
        .append("score", 0.25).append("urgent", true).append("closedAt", null)
        .append("receivedAt", Date.from(Instant.parse("2026-12-03T09:15:30.123Z")))
        .append("child", new Document("name", "Ada Ł. O'Brien").append("dateOfBirth", "2015-04-01"))
        .append("events", List.of(new Document("id", "e-1").append("type", "referral-received.v1")))
        .append("handledEventIds", List.of("e-0")).append("oid", new ObjectId("64b7f0c2a1b2c3d4e5f60718"))
        .append("digest", new Binary(new byte[] {1, 2, 3, -1})).append("amount", Decimal128.parse("12.50"));
  }

  /** Runs {@code work} against the store in {@code dir}, opened with {@code backend}, then closes it cleanly. */
  void withStore(Function<MVStore, MongoBackend> backend, Consumer<MongoCollection<Document>> work) {
    store = new MVStore.Builder().fileName(dir.resolve("mongo.mv.db").toString()).open();
    MongoServer server = new MongoServer(backend.apply(store));
    server.bind("127.0.0.1", 0);
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
      database = client.getDatabase("intake");
      work.accept(database.getCollection("referrals"));
    } finally {
      server.shutdownNow();
      if (!store.isClosed()) {
        store.close();
      }
    }
  }

  /** A unique index on the reference, and referrals r-1 to r-{@code count}, numbered in order. */
  static void fileReferrals(MongoCollection<Document> referrals, int count) {
    referrals.createIndex(Indexes.ascending("reference"), new IndexOptions().unique(true));
    for (int i = 1; i <= count; i++) {
      referrals.insertOne(referral("r-" + i, "MASH-" + i).append("number", i));
    }
  }

  static List<Document> all(MongoCollection<Document> referrals) {
    return referrals.find().sort(Sorts.ascending("number")).into(new ArrayList<>());
  }

  @Test
  void documents_of_every_kind_and_server_side_changes_read_back_equal_after_a_restart() {
    List<Document> before = new ArrayList<>();
    withStore(LocalStackStore::backend, referrals -> {
      fileReferrals(referrals, 40);
      referrals.updateOne(Filters.and(Filters.eq("_id", "r-7"), Filters.eq("version", 3L)), Updates.combine(
          Updates.inc("version", 1L), Updates.push("handledEventIds", "e-7"), Updates.currentDate("updatedAt")));
      before.addAll(all(referrals));
    });
    assertThat(before).hasSize(40);
    Document r7 = before.get(6);
    assertThat(r7.getLong("version")).isEqualTo(4L);
    assertThat(r7.getList("handledEventIds", String.class)).containsExactly("e-0", "e-7");
    assertThat(r7.getDate("updatedAt")).isNotNull();

    withStore(LocalStackStore::backend, referrals -> {
      assertThat(all(referrals)).isEqualTo(before);
      assertThat(referrals.find(Filters.eq("reference", "MASH-12")).first()).isEqualTo(before.stream()
          .filter(d -> d.get("_id").equals("r-12")).findFirst().orElseThrow());
      assertThatThrownBy(() -> referrals.insertOne(referral("r-99", "MASH-12")))
          .isInstanceOfSatisfying(MongoWriteException.class,
              e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
      assertThatThrownBy(() -> referrals.insertOne(referral("r-12", "MASH-99")))
          .isInstanceOfSatisfying(MongoWriteException.class,
              e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    });
  }

  @Test
  void unchanged_documents_are_written_from_the_encoding_kept_for_them_and_changed_ones_as_changed() {
    withStore(LocalStackStore::backend, referrals -> fileReferrals(referrals, 40));
    List<Document> before = new ArrayList<>();
    long[] start = LocalStackStore.encodings();
    withStore(LocalStackStore::backend, referrals -> {
      // Read from the file (the encoding kept as read), then changed and committed again and again, with the others
      // on its page written again each time unchanged.
      assertThat(referrals.find(Filters.eq("_id", "r-5")).first()).isNotNull();
      long[] afterRead = LocalStackStore.encodings();
      referrals.updateOne(Filters.eq("_id", "r-5"), Updates.set("urgent", false));
      // Nothing had been written yet: what was written from a kept encoding was kept when read.
      assertThat(LocalStackStore.encodings()[0] - afterRead[0]).as("values written as read").isPositive();
      for (int change = 1; change <= 3; change++) {
        referrals.updateOne(Filters.eq("_id", "r-5"), Updates.combine(Updates.inc("version", 1L),
            Updates.push("handledEventIds", "e-" + change), Updates.set("reference", "MASH-5." + change)));
      }
      referrals.insertOne(referral("r-41", "MASH-41").append("number", 41));
      referrals.updateOne(Filters.eq("_id", "r-41"), Updates.set("urgent", false));
      before.addAll(all(referrals));
    });
    long[] end = LocalStackStore.encodings();
    assertThat(before.get(4).getList("handledEventIds", String.class)).containsExactly("e-0", "e-1", "e-2", "e-3");
    assertThat(before.get(40).getBoolean("urgent")).isFalse();
    assertThat(end[0] - start[0]).as("values written from a kept encoding").isGreaterThan(40);
    assertThat(end[1] - start[1]).as("values encoded anew").isPositive();

    withStore(LocalStackStore::backend, referrals -> {
      assertThat(all(referrals)).isEqualTo(before);
      assertThat(referrals.find(Filters.eq("reference", "MASH-5.3")).first()).isEqualTo(before.get(4));
      assertThat(referrals.find(Filters.eq("reference", "MASH-5")).first()).isNull();
    });
  }

  @Test
  void an_update_stores_a_changed_copy_and_a_document_once_stored_is_never_changed() {
    withStore(LocalStackStore::backend, referrals -> {
      fileReferrals(referrals, 3);
      MVMap<Object, Object> documents = store.openMap("databases.intake.referrals");
      Object inserted = stored(documents, "r-2");
      String asInserted = inserted.toString();

      referrals.updateOne(Filters.and(Filters.eq("_id", "r-2"), Filters.eq("version", 3L)), Updates.combine(
          Updates.inc("version", 1L), Updates.push("handledEventIds", "e-2"), Updates.set("reference", "MASH-2.1")));
      Object updated = stored(documents, "r-2");
      String asUpdated = updated.toString();
      Document before = referrals.findOneAndUpdate(Filters.eq("_id", "r-2"), Updates.set("urgent", false));

      // What a commit or a reply may be encoding at any moment is never changed under it.
      assertThat(inserted.toString()).as("the document as inserted, after an update").isEqualTo(asInserted);
      assertThat(updated.toString()).as("the document as updated, after a findAndModify").isEqualTo(asUpdated);
      assertThat(asUpdated).contains("MASH-2.1").contains("e-2");
      assertThat(before.getLong("version")).isEqualTo(4L);
      assertThat(before.getBoolean("urgent")).isTrue();
      Document now = referrals.find(Filters.eq("_id", "r-2")).first();
      assertThat(now.getBoolean("urgent")).isFalse();
      assertThat(now.getList("handledEventIds", String.class)).containsExactly("e-0", "e-2");
      assertThat(referrals.find(Filters.eq("reference", "MASH-2.1")).first()).isNotNull();
    });
  }

  @Test
  void a_write_keeps_no_running_size_and_collstats_counts_the_documents_as_they_are_stored() {
    withStore(LocalStackStore::backend, referrals -> {
      fileReferrals(referrals, 5);
      referrals.updateOne(Filters.eq("_id", "r-2"), Updates.push("handledEventIds", "e-2"));
      referrals.replaceOne(Filters.eq("_id", "r-3"), new Document("_id", "r-3").append("number", 3));
      referrals.deleteOne(Filters.eq("_id", "r-4"));

      MVMap<String, Object> meta = store.openMap("meta.intake.referrals");
      assertThat(((Number) meta.get("dataSize")).longValue()).as("the total no write keeps").isZero();
      long stored = referrals.withDocumentClass(RawBsonDocument.class).find().into(new ArrayList<>()).stream()
          .mapToLong(document -> document.getByteBuffer().remaining()).sum();
      Document stats = database.runCommand(new Document("collStats", "referrals"));
      assertThat(stats.get("size", Number.class).longValue()).as("the size of what is stored, as the replies carry it")
          .isEqualTo(stored).isPositive();
      assertThat(stats.get("count", Number.class).longValue()).isEqualTo(4L);
    });
    withStore(LocalStackStore::backend, referrals -> { // opened again: the library asks for the size as it opens
      long stored = referrals.withDocumentClass(RawBsonDocument.class).find().into(new ArrayList<>()).stream()
          .mapToLong(document -> document.getByteBuffer().remaining()).sum();
      assertThat(database.runCommand(new Document("collStats", "referrals")).get("size", Number.class).longValue())
          .isEqualTo(stored);
    });
  }

  /** The object the store holds for the document with {@code id}, as its map holds it. */
  private static Object stored(MVMap<Object, Object> documents, String id) {
    return documents.values().stream()
        .filter(d -> d instanceof de.bwaldvogel.mongo.bson.Document doc && id.equals(doc.get("_id")))
        .findFirst().orElseThrow();
  }

  @Test
  void a_one_field_index_answers_whether_the_field_exists_as_a_scan_would_before_and_after_writes_and_a_restart() {
    Bson pending = Filters.exists("pendingEvents.id");
    // The same question in a shape no index takes: the library scans.
    Bson scanned = Filters.and(Filters.exists("pendingEvents.id"), Filters.exists("_id"));
    Document event = new Document("id", "e-1");
    withStore(LocalStackStore::backend, outbox -> {
      outbox.createIndex(Indexes.ascending("pendingEvents.id"));
      outbox.insertMany(List.of(new Document("_id", "a").append("pendingEvents", List.of(event)),
          new Document("_id", "b").append("pendingEvents", List.of()), new Document("_id", "c"),
          new Document("_id", "d").append("pendingEvents", List.of(new Document("type", "no id"))),
          new Document("_id", "e").append("pendingEvents", null)));
      long before = LocalStackStore.presenceLookups();
      assertThat(ids(outbox, pending)).isEqualTo(ids(outbox, scanned)).containsExactly("a");
      assertThat(LocalStackStore.presenceLookups()).as("answered by the index").isEqualTo(before + 1);

      outbox.updateOne(Filters.eq("_id", "b"), Updates.push("pendingEvents", new Document("id", "e-2")));
      outbox.updateOne(Filters.eq("_id", "a"), Updates.pullByFilter(new Document("pendingEvents",
          new Document("id", new Document("$in", List.of("e-1"))))));
      outbox.findOneAndUpdate(Filters.eq("_id", "c"), Updates.set("pendingEvents", List.of(event)));
      outbox.updateOne(Filters.eq("_id", "f"), Updates.set("pendingEvents", List.of(event)),
          new UpdateOptions().upsert(true));
      outbox.insertOne(new Document("_id", "g").append("pendingEvents", List.of(event)));
      outbox.deleteOne(Filters.eq("_id", "g"));
      outbox.replaceOne(Filters.eq("_id", "d"), new Document("pendingEvents", List.of(new Document("id", "e-3"))));
      assertThat(ids(outbox, pending)).isEqualTo(ids(outbox, scanned)).containsExactly("b", "c", "d", "f");
      assertThat(candidates(outbox)).as("held by the index: nothing deleted or emptied").isEqualTo(4);
    });
    withStore(LocalStackStore::backend, outbox -> {
      long before = LocalStackStore.presenceLookups();
      assertThat(ids(outbox, pending)).isEqualTo(ids(outbox, scanned)).containsExactly("b", "c", "d", "f");
      assertThat(LocalStackStore.presenceLookups()).as("answered by the index, built from the file").isEqualTo(before + 1);
      outbox.updateMany(Filters.in("_id", List.of("b", "c")), Updates.set("pendingEvents", List.of()));
      assertThat(ids(outbox, pending)).isEqualTo(ids(outbox, scanned)).containsExactly("d", "f");
      assertThat(candidates(outbox)).isEqualTo(2);
    });
  }

  /** How many documents the collection's {@code pendingEvents.id} index holds (the store's {@code validate}). */
  private int candidates(MongoCollection<Document> collection) {
    Document validation = database.runCommand(new Document("validate", collection.getNamespace()
        .getCollectionName()));
    return ((Number) validation.get("keysPerIndex", Document.class).get("pendingEvents.id_1")).intValue();
  }

  private static List<String> ids(MongoCollection<Document> collection, Bson filter) {
    return collection.find(filter).map(d -> d.getString("_id")).into(new ArrayList<>()).stream().sorted().toList();
  }

  @Test
  void the_copy_made_at_start_holds_every_document_and_index_as_before_and_none_of_the_replaced_pages()
      throws Exception {
    List<Document> before = new ArrayList<>();
    withStore(LocalStackStore::backend, referrals -> {
      fileReferrals(referrals, 40);
      for (int version = 4; version < 300; version++) { // pages replaced again and again: chunks left behind
        referrals.updateOne(Filters.eq("_id", "r-7"), Updates.set("version", (long) version));
      }
      before.addAll(all(referrals));
    });
    Path file = dir.resolve("mongo.mv.db");
    long sizeBefore = Files.size(file);

    LocalStackStore.rewriteAtStart(file);

    assertThat(Files.size(file)).isLessThan(sizeBefore);
    withStore(LocalStackStore::backend, referrals -> {
      assertThat(all(referrals)).isEqualTo(before);
      assertThatThrownBy(() -> referrals.insertOne(referral("r-99", "MASH-12")))
          .isInstanceOfSatisfying(MongoWriteException.class,
              e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
      referrals.insertOne(referral("r-41", "MASH-41").append("number", 41));
    });
    withStore(LocalStackStore::backend, referrals -> assertThat(all(referrals)).hasSize(41));
  }

  @Test
  void an_interrupt_during_an_fsync_does_not_close_the_file_under_the_store() {
    Path file = dir.resolve("mongo.mv.db");
    MVStore store = LocalStackStore.open(file);
    try {
      MVMap<String, String> written = store.openMap("written");
      written.put("before", "1");
      store.commit();
      Thread.currentThread().interrupt(); // as a stop interrupting the fsync thread, or a pool its worker
      store.sync(); // on a plain FileChannel: closed for every thread, and every later write fails
      Thread.interrupted();
      written.put("after", "2");
      store.commit();
      store.sync();
    } finally {
      Thread.interrupted();
      store.close();
    }

    MVStore again = LocalStackStore.open(file);
    try {
      assertThat(again.<String, String>openMap("written")).containsOnly(Map.entry("before", "1"),
          Map.entry("after", "2"));
    } finally {
      again.close();
    }
  }

  @Test
  void documents_and_index_keys_are_stored_as_bson_not_by_java_serialization() {
    withStore(LocalStackStore::backend, referrals -> fileReferrals(referrals, 1));

    // MVStore's default type reads only what it wrote: a BSON value is a tag it does not know.
    MVStore store = new MVStore.Builder().fileName(dir.resolve("mongo.mv.db").toString()).readOnly().open();
    try {
      assertThatThrownBy(() -> store.openMap("databases.intake.referrals").get("r-1"))
          .hasMessageContaining("Unknown tag 126");
      assertThatThrownBy(() -> store.openMap("intake.referrals._index__id_").firstKey())
          .hasMessageContaining("Unknown tag 127");
      assertThatThrownBy(() -> store.openMap("intake.referrals._index_reference_1").firstKey())
          .hasMessageContaining("Unknown tag 127");
    } finally {
      store.close();
    }
  }

  @Test
  void a_store_opens_without_reading_its_documents_for_the_secondary_indexes_the_library_ignores() {
    String notes = "n".repeat(1_000);
    withStore(LocalStackStore::backend, referrals -> {
      referrals.createIndex(Indexes.ascending("receivedAt"));
      referrals.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.ascending("number")));
      for (int i = 1; i <= 2_000; i++) {
        referrals.insertOne(referral("r-" + i, "MASH-" + i).append("number", i).append("notes", notes));
      }
    });

    // About 3 MB of documents; opening reads the store's maps of names and index descriptions, not the documents.
    MVStore store = new MVStore.Builder().fileName(dir.resolve("mongo.mv.db").toString()).open();
    long before = store.getFileStore().getReadBytes();
    MongoBackend backend = LocalStackStore.backend(store);
    long read = store.getFileStore().getReadBytes() - before;
    MongoServer server = new MongoServer(backend);
    server.bind("127.0.0.1", 0);
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
      assertThat(read).as("bytes read opening the store").isLessThan(256 * 1024);
      MongoCollection<Document> referrals = client.getDatabase("intake").getCollection("referrals");
      assertThat(referrals.countDocuments()).isEqualTo(2_000);
      assertThat(referrals.find(Filters.eq("number", 1_234)).first()).extracting(d -> d.get("_id")).isEqualTo("r-1234");
      assertThat(referrals.listIndexes().map(i -> i.getString("name")).into(new ArrayList<>()))
          .contains("receivedAt_1", "status_1_number_1");
    } finally {
      server.shutdownNow();
    }
  }

  @Test
  void a_file_written_before_by_java_serialization_is_read_and_takes_new_writes() {
    List<Document> written = new ArrayList<>();
    withStore(H2Backend::new, referrals -> {
      fileReferrals(referrals, 10);
      written.addAll(all(referrals));
    });

    List<Document> after = new ArrayList<>();
    withStore(LocalStackStore::backend, referrals -> {
      assertThat(all(referrals)).isEqualTo(written);
      referrals.updateOne(Filters.eq("_id", "r-3"), Updates.set("outcome", "STRATEGY_DISCUSSION"));
      referrals.insertOne(referral("r-11", "MASH-11").append("number", 11));
      assertThatThrownBy(() -> referrals.insertOne(referral("r-12", "MASH-4")))
          .isInstanceOf(MongoWriteException.class);
      after.addAll(all(referrals));
    });
    assertThat(after).hasSize(11);

    withStore(LocalStackStore::backend, referrals -> {
      assertThat(all(referrals)).isEqualTo(after);
      assertThat(referrals.find(Filters.eq("_id", "r-3")).first().getString("outcome"))
          .isEqualTo("STRATEGY_DISCUSSION");
      assertThat(referrals.find(Filters.eq("reference", "MASH-11")).first().getString("_id")).isEqualTo("r-11");
      assertThat(referrals.find(Filters.eq("reference", "MASH-4")).first().getString("_id")).isEqualTo("r-4");
    });
  }

  @Test
  void a_collection_dropped_and_made_again_and_numeric_ids_survive_a_restart() {
    withStore(LocalStackStore::backend, referrals -> {
      fileReferrals(referrals, 5);
      referrals.drop();
      referrals.insertOne(new Document("_id", 42L).append("number", 1).append("entry", "first"));
      referrals.insertOne(new Document("_id", 43L).append("number", 2).append("entry", "second"));
    });
    withStore(LocalStackStore::backend, referrals -> {
      assertThat(all(referrals)).extracting(d -> d.get("_id")).containsExactly(42L, 43L);
      assertThat(referrals.find(Filters.eq("_id", 43L)).first().getString("entry")).isEqualTo("second");
      assertThatThrownBy(() -> referrals.insertOne(new Document("_id", 42L)))
          .isInstanceOf(MongoWriteException.class);
    });
  }

  /** What the store's type writes for {@code value}: its first byte (the tag) and what it reads back. */
  static Map.Entry<Byte, Object> roundTrip(ObjectDataType type, Object value) {
    WriteBuffer written = new WriteBuffer();
    type.write(written, value);
    ByteBuffer bytes = written.getBuffer().flip();
    byte tag = bytes.get(0);
    Object back = type.read(bytes);
    assertThat(bytes.hasRemaining()).as("read all that was written").isFalse();
    return Map.entry(tag, back);
  }

  @Test
  void index_keys_read_back_with_the_same_java_serialization_which_orders_the_index_and_finer_times_stay_as_they_were() {
    ObjectDataType type = LocalStackStore.valueType();
    List<KeyValue> keys = List.of(new KeyValue("MASH-1"), new KeyValue(42L), new KeyValue(1.5),
        new KeyValue(7), new KeyValue(true), new KeyValue(new de.bwaldvogel.mongo.bson.ObjectId()),
        new KeyValue(Instant.parse("2026-12-03T09:15:30.123Z")), new KeyValue(Arrays.asList(null, "x")),
        new KeyValue(new de.bwaldvogel.mongo.bson.Document("a", 1).append("b", new ArrayList<>(List.of("c")))));
    for (KeyValue key : keys) {
      Map.Entry<Byte, Object> read = roundTrip(type, key);
      assertThat(read.getKey()).as("%s stored as BSON", key).isEqualTo((byte) 127);
      assertThat(ObjectDataType.serialize(read.getValue())).as("%s", key).isEqualTo(ObjectDataType.serialize(key));
    }

    // A list BSON would give back as another class would serialize, and so sort, differently: stored as before.
    KeyValue otherList = new KeyValue(new de.bwaldvogel.mongo.bson.Document("b", List.of("c")));
    Map.Entry<Byte, Object> kept = roundTrip(type, otherList);
    assertThat(kept.getKey()).isNotEqualTo((byte) 127);
    assertThat(ObjectDataType.serialize(kept.getValue())).isEqualTo(ObjectDataType.serialize(otherList));

    // BSON keeps milliseconds: a finer time (as $currentDate makes) is stored as before, and reads back exactly.
    Instant fine = Instant.parse("2026-12-03T09:15:30.123456Z");
    Map.Entry<Byte, Object> key = roundTrip(type, new KeyValue(fine));
    assertThat(key.getKey()).isNotEqualTo((byte) 127);
    assertThat(key.getValue()).isEqualTo(new KeyValue(fine));
    de.bwaldvogel.mongo.bson.Document updated = new de.bwaldvogel.mongo.bson.Document("_id", "r-1")
        .append("updatedAt", fine);
    Map.Entry<Byte, Object> document = roundTrip(type, updated);
    assertThat(document.getKey()).isNotEqualTo((byte) 126);
    assertThat(document.getValue()).isEqualTo(updated);
    assertThat(roundTrip(type, updated.append("updatedAt", Instant.parse("2026-12-03T09:15:30.123Z"))).getKey())
        .isEqualTo((byte) 126);
  }

  @Test
  void index_keys_compare_exactly_as_mvstore_compares_them_every_time() {
    ObjectDataType type = LocalStackStore.valueType();
    ObjectDataType mvstore = new ObjectDataType();
    Random random = new Random(12);
    List<KeyValue> keys = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String text = Long.toString(random.nextLong(), 36).repeat(1 + random.nextInt(3)) + (i % 7 == 0 ? "é—ü" : "");
      keys.add(switch (i % 6) {
        case 0 -> new KeyValue(text);
        case 1 -> new KeyValue(random.nextLong());
        case 2 -> new KeyValue(random.nextInt());
        case 3 -> new KeyValue(Instant.ofEpochMilli(random.nextLong(4_000_000_000_000L)));
        case 4 -> new KeyValue(text, random.nextLong());
        default -> new KeyValue(random.nextDouble(), text.substring(0, 1));
      });
    }
    keys.add(new KeyValue(keys.getFirst().get(0))); // equal content, another object

    for (int round = 0; round < 2; round++) { // the second time from what the store's type kept
      for (KeyValue a : keys) {
        for (KeyValue b : keys) {
          assertThat(Integer.signum(type.compare(a, b))).as("%s against %s", a, b)
              .isEqualTo(Integer.signum(mvstore.compare(a, b)));
        }
      }
    }
    List<KeyValue> sorted = new ArrayList<>(keys);
    sorted.sort(type::compare);
    List<KeyValue> sortedByMvstore = new ArrayList<>(keys);
    sortedByMvstore.sort(mvstore::compare);
    assertThat(sorted).containsExactlyElementsOf(sortedByMvstore);
  }
}
