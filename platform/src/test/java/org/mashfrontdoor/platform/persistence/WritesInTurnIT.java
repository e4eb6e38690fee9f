package org.mashfrontdoor.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mashfrontdoor.platform.testsupport.PinnedIdMemoryBackend;

/**
 * Concurrent writes to one document on the tests' store and the local stack's: each one applied, and each
 * {@code findAndModify} answered with the document as its own write left it (MongoDB's document-level atomicity).
 */
@DisplayName("Test and local stores: concurrent findAndModify $inc on one document each apply once, answering their own")
class WritesInTurnIT {

  static Stream<Arguments> stores() {
    return Stream.of(
        Arguments.of("tests' store", (Supplier<MongoBackend>) PinnedIdMemoryBackend::new),
        Arguments.of("local stack store", (Supplier<MongoBackend>) LocalStackStore::backend));
  }

  static final int THREADS = 6;
  static final int WRITES = 600;

  MongoServer server;
  MongoClient client;
  ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void close() {
    pool.shutdownNow();
    client.close();
    server.shutdownNow();
  }

  MongoCollection<Document> counters(Supplier<MongoBackend> backend) {
    server = new MongoServer(backend.get());
    server.bind("127.0.0.1", 0);
    // One connection per thread, so the writes reach the store at once.
    client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/?minPoolSize="
        + THREADS);
    MongoCollection<Document> counters = client.getDatabase("turns").getCollection("counters");
    counters.insertOne(new Document("_id", "MARF-2026").append("last", 0L));
    return counters;
  }

  /** Runs {@code write} {@value #WRITES} times from {@value #THREADS} threads released together. */
  <T> List<T> atOnce(Callable<T> write) throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    List<Future<T>> pending = new ArrayList<>();
    for (int i = 0; i < WRITES; i++) {
      pending.add(pool.submit(() -> {
        gate.await();
        return write.call();
      }));
    }
    gate.countDown();
    List<T> results = new ArrayList<>();
    for (Future<T> result : pending) {
      results.add(result.get());
    }
    return results;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void every_increment_answers_with_a_number_of_its_own(String store, Supplier<MongoBackend> backend) throws Exception {
    MongoCollection<Document> counters = counters(backend);

    List<Long> answers = atOnce(() -> counters.findOneAndUpdate(Filters.eq("_id", "MARF-2026"), Updates.inc("last", 1L),
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)).getLong("last"));

    assertThat(answers).doesNotHaveDuplicates().hasSize(WRITES);
    assertThat(counters.find().first().getLong("last")).isEqualTo(WRITES);
  }
}
