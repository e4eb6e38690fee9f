package org.mashfrontdoor.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mashfrontdoor.platform.testsupport.PinnedIdIndex;
import org.mashfrontdoor.platform.testsupport.PinnedIdMemoryBackend;

/**
 * The {@code _id} lookup for filters that pin {@code _id} among other conditions: which filters take it, and that
 * what they match, update, delete and upsert is what MongoDB's semantics say. Every scenario runs on the tests' store
 * ({@link PinnedIdMemoryBackend}), on the local stack's store (its own copy of the index, compiled from
 * {@code deploy/local/LocalMongoServer.java}, on an in-memory H2 MVStore) and on the library's plain memory backend
 * (a full scan), so the expectations are the library's own answers too.
 */
@DisplayName("Test and local stores: filters that pin _id are looked up by _id and match exactly what a scan would")
class PinnedIdIndexIT {

  static Stream<Arguments> stores() {
    return Stream.of(
        Arguments.of("pinned _id lookup", (Supplier<MongoBackend>) PinnedIdMemoryBackend::new),
        Arguments.of("local stack store", (Supplier<MongoBackend>) LocalStackStore::backend),
        Arguments.of("library scan", (Supplier<MongoBackend>) MemoryBackend::new));
  }

  final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable closeable : open.reversed()) {
      closeable.close();
    }
  }

  /** A collection of five contacts, c-1 to c-5, each at version 3 with one handled event, in a fresh store. */
  MongoCollection<Document> contacts(Supplier<MongoBackend> backend) {
    MongoServer server = new MongoServer(backend.get());
    server.bind("127.0.0.1", 0);
    open.add(server::shutdownNow);
    MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    open.add(client);
    MongoCollection<Document> contacts = client.getDatabase("pinned").getCollection("contacts");
    for (int i = 1; i <= 5; i++) {
      contacts.insertOne(new Document("_id", "c-" + i).append("version", 3L).append("status", i % 2 == 0 ? "DECIDED" : "OPEN")
          .append("handledEventIds", List.of("e-" + i)));
    }
    return contacts;
  }

  static long versionOf(MongoCollection<Document> contacts, String id) {
    return contacts.find(Filters.eq("_id", id)).first().getLong("version");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void a_version_checked_update_with_the_wrong_version_matches_nothing_and_with_the_right_one_exactly_its_document(
      String store, Supplier<MongoBackend> backend) {
    MongoCollection<Document> contacts = contacts(backend);

    var stale = contacts.updateOne(Filters.and(Filters.eq("_id", "c-2"), Filters.eq("version", 2L)),
        Updates.inc("version", 1L));
    assertThat(stale.getMatchedCount()).isZero();
    assertThat(versionOf(contacts, "c-2")).isEqualTo(3L);

    var current = contacts.updateOne(Filters.and(Filters.eq("_id", "c-2"), Filters.eq("version", 3L)),
        Updates.inc("version", 1L));
    assertThat(current.getMatchedCount()).isEqualTo(1);
    assertThat(current.getModifiedCount()).isEqualTo(1);
    assertThat(versionOf(contacts, "c-2")).isEqualTo(4L);
    assertThat(Stream.of("c-1", "c-3", "c-4", "c-5").map(id -> versionOf(contacts, id))).containsOnly(3L);

    // The same filter written flat, as a document of several fields rather than the driver's $and.
    var flat = contacts.updateOne(new Document("_id", "c-2").append("version", 4L), Updates.inc("version", 1L));
    assertThat(flat.getMatchedCount()).isEqualTo(1);
    assertThat(versionOf(contacts, "c-2")).isEqualTo(5L);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void an_event_already_handled_matches_nothing_and_a_new_one_is_handled_once(String store,
      Supplier<MongoBackend> backend) {
    MongoCollection<Document> contacts = contacts(backend);

    var again = contacts.updateOne(Filters.and(Filters.eq("_id", "c-3"), Filters.ne("handledEventIds", "e-3")),
        Updates.addToSet("handledEventIds", "e-3"));
    assertThat(again.getMatchedCount()).isZero();

    var fresh = contacts.updateOne(Filters.and(Filters.eq("_id", "c-3"), Filters.ne("handledEventIds", "e-9")),
        Updates.addToSet("handledEventIds", "e-9"));
    var twice = contacts.updateOne(Filters.and(Filters.eq("_id", "c-3"), Filters.ne("handledEventIds", "e-9")),
        Updates.addToSet("handledEventIds", "e-9"));
    assertThat(fresh.getMatchedCount()).isEqualTo(1);
    assertThat(twice.getMatchedCount()).isZero();
    assertThat(contacts.find(Filters.eq("_id", "c-3")).first().getList("handledEventIds", String.class))
        .containsExactly("e-3", "e-9");
    // countDocuments of the pinned filter (the idempotent consumer's "handled already?").
    assertThat(contacts.countDocuments(Filters.and(Filters.eq("_id", "c-3"), Filters.eq("handledEventIds", "e-9"))))
        .isEqualTo(1);
    assertThat(contacts.countDocuments(Filters.and(Filters.eq("_id", "c-4"), Filters.eq("handledEventIds", "e-9"))))
        .isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void find_delete_and_find_and_modify_take_the_whole_filter_into_account(String store,
      Supplier<MongoBackend> backend) {
    MongoCollection<Document> contacts = contacts(backend);

    assertThat(contacts.find(Filters.and(Filters.eq("_id", "c-1"), Filters.eq("status", "OPEN")))).hasSize(1);
    assertThat(contacts.find(Filters.and(Filters.eq("_id", "c-1"), Filters.eq("status", "DECIDED")))).isEmpty();
    assertThat(contacts.find(Filters.and(Filters.eq("_id", "c-9"), Filters.eq("status", "OPEN")))).isEmpty();
    // Two different pins of _id: nothing can match both.
    assertThat(contacts.find(Filters.and(Filters.eq("_id", "c-1"), Filters.eq("_id", "c-2")))).isEmpty();
    // $eq, and $in with another condition, sorted.
    assertThat(contacts.find(Filters.and(Filters.eq("_id", new Document("$eq", "c-5")), Filters.eq("version", 3L))))
        .extracting(d -> d.get("_id")).containsExactly("c-5");
    assertThat(contacts.find(Filters.and(Filters.in("_id", "c-1", "c-2", "c-3", "c-9"), Filters.eq("status", "OPEN")))
        .sort(Sorts.descending("_id"))).extracting(d -> d.get("_id")).containsExactly("c-3", "c-1");
    assertThat(contacts.find(Filters.and(Filters.in("_id", List.of()), Filters.eq("status", "OPEN")))).isEmpty();

    var kept = contacts.deleteOne(Filters.and(Filters.eq("_id", "c-4"), Filters.eq("status", "OPEN")));
    var deleted = contacts.deleteOne(Filters.and(Filters.eq("_id", "c-4"), Filters.eq("status", "DECIDED")));
    assertThat(kept.getDeletedCount()).isZero();
    assertThat(deleted.getDeletedCount()).isEqualTo(1);
    assertThat(contacts.find(Filters.eq("_id", "c-4")).first()).isNull();
    assertThat(contacts.countDocuments()).isEqualTo(4);

    Document before = contacts.findOneAndUpdate(Filters.and(Filters.eq("_id", "c-5"), Filters.eq("version", 9L)),
        Updates.set("status", "DECIDED"));
    Document after = contacts.findOneAndUpdate(Filters.and(Filters.eq("_id", "c-5"), Filters.eq("version", 3L)),
        Updates.set("status", "DECIDED"), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    assertThat(before).isNull();
    assertThat(after.getString("status")).isEqualTo("DECIDED");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void upserts_insert_what_the_filter_pins_and_refuse_a_second_document_with_the_same_id(String store,
      Supplier<MongoBackend> backend) {
    MongoCollection<Document> contacts = contacts(backend);

    var inserted = contacts.updateOne(Filters.and(Filters.eq("_id", "c-6"), Filters.eq("version", 1L)),
        Updates.set("status", "OPEN"), new UpdateOptions().upsert(true));
    assertThat(inserted.getMatchedCount()).isZero();
    assertThat(inserted.getUpsertedId().asString().getValue()).isEqualTo("c-6");
    assertThat(contacts.find(Filters.eq("_id", "c-6")).first())
        .isEqualTo(new Document("_id", "c-6").append("version", 1L).append("status", "OPEN"));

    var matched = contacts.updateOne(Filters.and(Filters.eq("_id", "c-6"), Filters.eq("version", 1L)),
        Updates.set("status", "DECIDED"), new UpdateOptions().upsert(true));
    assertThat(matched.getMatchedCount()).isEqualTo(1);
    assertThat(matched.getUpsertedId()).isNull();

    // The _id exists but the version does not match: the upsert's insert collides with it, as on MongoDB.
    assertThatThrownBy(() -> contacts.updateOne(Filters.and(Filters.eq("_id", "c-6"), Filters.eq("version", 7L)),
        Updates.set("status", "OPEN"), new UpdateOptions().upsert(true)))
        .isInstanceOfSatisfying(MongoWriteException.class,
            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    assertThat(contacts.countDocuments(Filters.eq("_id", "c-6"))).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void filters_whose_id_is_an_operator_or_a_pattern_still_match_by_scan(String store, Supplier<MongoBackend> backend) {
    MongoCollection<Document> contacts = contacts(backend);

    assertThat(contacts.find(Filters.and(Filters.gt("_id", "c-2"), Filters.eq("status", "OPEN"))))
        .extracting(d -> d.get("_id")).containsExactlyInAnyOrder("c-3", "c-5");
    assertThat(contacts.find(Filters.and(Filters.regex("_id", "^c-[12]$"), Filters.eq("version", 3L))))
        .extracting(d -> d.get("_id")).containsExactlyInAnyOrder("c-1", "c-2");
    assertThat(contacts.find(Filters.and(Filters.ne("_id", "c-1"), Filters.eq("status", "OPEN"))))
        .extracting(d -> d.get("_id")).containsExactlyInAnyOrder("c-3", "c-5");
    var updated = contacts.updateMany(Filters.and(Filters.lte("_id", "c-2"), Filters.eq("version", 3L)),
        Updates.inc("version", 1L));
    assertThat(updated.getModifiedCount()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void numbers_pin_by_value_whatever_their_type_as_on_mongodb(String store, Supplier<MongoBackend> backend) {
    MongoCollection<Document> contacts = contacts(backend);
    contacts.insertOne(new Document("_id", 7L).append("version", 1L));

    assertThat(contacts.find(Filters.and(Filters.eq("_id", 7), Filters.eq("version", 1L)))).hasSize(1);
    assertThat(contacts.find(Filters.and(Filters.eq("_id", 7.0), Filters.eq("version", 1)))).hasSize(1);
    assertThat(contacts.find(Filters.and(Filters.eq("_id", 7.5), Filters.eq("version", 1L)))).isEmpty();
  }

  @Nested
  @DisplayName("Which filters the _id index answers")
  class WhichFilters {

    final Index<Integer> index = PinnedIdIndex.around(
        new MemoryUniqueIndex("_id_", List.of(new IndexKey("_id", true)), false),
        List.of(new IndexKey("_id", true)), false);

    de.bwaldvogel.mongo.bson.Document filter(String key, Object value) {
      return new de.bwaldvogel.mongo.bson.Document(key, value);
    }

    de.bwaldvogel.mongo.bson.Document and(de.bwaldvogel.mongo.bson.Document... conditions) {
      return filter("$and", List.of(conditions));
    }

    @Test
    void pinned_ids_among_other_conditions_are_answered_and_anything_else_is_left_to_the_scan() {
      assertThat(index.canHandle(filter("_id", "c-1").append("version", 3L))).isTrue();
      assertThat(index.canHandle(and(filter("_id", "c-1"), filter("version", 3L),
          filter("handledEventIds", filter("$ne", "e-1"))))).isTrue();
      assertThat(index.canHandle(and(filter("version", 3L), and(filter("_id", filter("$eq", "c-1")))))).isTrue();
      assertThat(index.canHandle(filter("_id", filter("$in", List.of("c-1", "c-2"))).append("status", "OPEN")))
          .isTrue();

      assertThat(index.canHandle(filter("_id", filter("$gt", "c-1")).append("status", "OPEN"))).isFalse();
      assertThat(index.canHandle(filter("_id", filter("$in", List.of(filter("$gt", 1)))).append("v", 1))).isFalse();
      assertThat(index.canHandle(filter("_id", null).append("status", "OPEN"))).isFalse();
      assertThat(index.canHandle(filter("_id", filter("a", 1)).append("status", "OPEN"))).isFalse();
      assertThat(index.canHandle(filter("$or", List.of(filter("_id", "c-1"), filter("_id", "c-2"))))).isFalse();
      assertThat(index.canHandle(filter("status", "OPEN"))).isFalse();
    }

    @Test
    void a_pinned_filter_yields_only_the_pinned_documents_positions() {
      index.add(filter("_id", "c-1"), 0, null);
      index.add(filter("_id", "c-2"), 1, null);

      assertThat(index.getPositions(filter("_id", "c-2").append("version", 9L))).containsExactly(1);
      assertThat(index.getPositions(and(filter("status", "OPEN"), filter("_id", "c-1")))).containsExactly(0);
      assertThat(index.getPositions(filter("_id", filter("$in", List.of("c-1", "c-2", "c-3"))).append("v", 1)))
          .containsExactlyInAnyOrder(0, 1);
      assertThat(index.getPositions(filter("_id", "c-9").append("version", 9L))).isEmpty();
    }

    @Test
    void only_the_id_index_is_wrapped() {
      List<IndexKey> keys = List.of(new IndexKey("partnerId", true), new IndexKey("key", true));
      Index<Integer> compound = new MemoryUniqueIndex("partnerId_1_key_1", keys, false);

      assertThat(PinnedIdIndex.around(compound, keys, false)).isSameAs(compound);
      assertThat(index).isInstanceOf(PinnedIdIndex.class);
    }
  }
}
