package org.mashfrontdoor.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.audit.ChainVerification;
import org.mashfrontdoor.platform.audit.ChainVerification.Break;
import org.mashfrontdoor.platform.audit.ChainedEntry;
import org.mashfrontdoor.platform.paging.Page;
import org.mashfrontdoor.platform.paging.PageWindow;
import org.mashfrontdoor.platform.testsupport.TestStore;

@DisplayName("The audit ledger in MongoDB: one unbroken chain from several writers, found by subject, tampering shown")
class MongoAuditLedgerIT {

  TestStore store;
  MongoDatabase database;
  MongoAuditLedger ledger;

  /** The embedded stand-in; {@link MongoAuditLedgerOnRealMongoIT} runs the same scenarios on a real MongoDB. */
  TestStore openStore() {
    return TestStore.embedded();
  }

  @BeforeEach
  void store() {
    store = openStore();
    database = store.database("ledger");
    ledger = new MongoAuditLedger(database);
  }

  @AfterEach
  void stop() {
    store.close();
  }

  static Map<String, Object> read(String staffId, String purpose) {
    return Map.of("staffId", staffId, "role", "MASH_MANAGER", "at", "2026-03-02T10:15:00Z", "purpose", purpose);
  }

  MongoCollection<Document> entries() {
    return database.getCollection(MongoAuditLedger.ENTRIES);
  }

  @Test
  void entries_are_keyed_by_sequence_each_carrying_the_hash_before_it_and_found_by_subject() {
    ChainedEntry first = ledger.append("contact:C-1", read("sw-1", "MASH screening"));
    ChainedEntry second = ledger.append("contact:C-2", read("sw-2", "MASH screening"));
    ChainedEntry third = ledger.append("contact:C-1", read("mgr-1", "Sign-off"));

    assertThat(List.of(first.sequence(), second.sequence(), third.sequence())).containsExactly(1L, 2L, 3L);
    assertThat(third.previousHash()).isEqualTo(second.hash());
    Document stored = entries().find(Filters.eq("_id", 3L)).first();
    assertThat(stored.getString("hash")).isEqualTo(third.hash());
    assertThat(stored.get("fields", Document.class).getString("purpose")).isEqualTo("Sign-off");
    assertThat(ledger.about("contact:C-1")).containsExactly(first, third);
    assertThat(ledger.about("contact:C-3")).isEmpty();
    assertThat(ledger.verify(null)).satisfies(v -> {
      assertThat(v.intact()).isTrue();
      assertThat(v.entries()).isEqualTo(3);
      assertThat(v.head().hash()).isEqualTo(third.hash());
    });
  }

  @Test
  void a_subjects_entries_come_a_page_at_a_time_with_the_total() {
    for (int i = 1; i <= 7; i++) {
      ledger.append("case:K-1", read("sw-" + i, "Visit planning"));
      ledger.append("case:K-2", read("sw-" + i, "Visit planning"));
    }

    Page<ChainedEntry> page = ledger.about("case:K-2", new PageWindow(2, 3));

    assertThat(page.total()).isEqualTo(7);
    assertThat(page.items()).extracting(e -> e.text("staffId")).containsExactly("sw-3", "sw-4", "sw-5");
    assertThat(ledger.about("case:K-2", new PageWindow(7, 3)).items()).isEmpty();
  }

  @Test
  void writers_in_several_instances_at_once_make_one_unbroken_chain_and_lose_nothing() throws Exception {
    int writers = 6;
    int each = 40;
    List<MongoClient> instances = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<ChainedEntry>>> appended = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        // Each writer is a service instance of its own: its own connection pool, its own adapter.
        MongoClient instance = MongoClients.create(store.uri());
        instances.add(instance);
        MongoAuditLedger itsLedger = new MongoAuditLedger(instance.getDatabase(database.getName()));
        String subject = "contact:C-" + w;
        appended.add(pool.submit(() -> {
          start.await();
          List<ChainedEntry> mine = new ArrayList<>();
          for (int i = 0; i < each; i++) {
            mine.add(itsLedger.append(subject, read("sw-" + i, "MASH screening")));
          }
          return mine;
        }));
      }
      start.countDown();
      List<Long> sequences = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        List<ChainedEntry> mine = appended.get(w).get(60, TimeUnit.SECONDS);
        assertThat(ledger.about("contact:C-" + w)).as("writer %d's entries, filed under its subject", w)
            .containsExactlyElementsOf(mine);
        mine.forEach(e -> sequences.add(e.sequence()));
      }

      assertThat(sequences).as("one place each, none skipped").doesNotHaveDuplicates()
          .hasSize(writers * each).allSatisfy(s -> assertThat(s).isBetween(1L, (long) writers * each));
      ChainVerification verification = ledger.verify(null);
      assertThat(verification.intact()).as(String.valueOf(verification.detail())).isTrue();
      assertThat(verification.entries()).isEqualTo(writers * each);
      assertThat(entries().countDocuments()).isEqualTo(writers * each);
    } finally {
      pool.shutdownNow();
      instances.forEach(MongoClient::close);
    }
  }

  @Test
  void a_head_hint_that_lags_behind_or_is_lost_costs_a_probe_never_a_fork() {
    for (int i = 0; i < 4; i++) {
      ledger.append("contact:C-1", read("sw-" + i, "MASH screening"));
    }
    MongoCollection<Document> head = database.getCollection(MongoAuditLedger.HEAD);
    head.updateOne(Filters.eq("_id", "head"), Updates.set("sequence", 1L));

    assertThat(ledger.append("contact:C-1", read("sw-5", "MASH screening")).sequence()).isEqualTo(5);
    head.deleteMany(new Document());
    assertThat(ledger.append("contact:C-1", read("sw-6", "MASH screening")).sequence()).isEqualTo(6);
    assertThat(ledger.verify(null).intact()).isTrue();
    assertThat(head.find().first().get("sequence", Number.class).longValue()).isEqualTo(6);
  }

  @Test
  void an_entry_that_cannot_be_filed_under_its_subject_fails_the_append() {
    database.getCollection(MongoAuditLedger.SUBJECTS).insertOne(new Document("_id", "contact:C-9")
        .append("sequences", "not a list"));

    assertThatThrownBy(() -> ledger.append("contact:C-9", read("sw-1", "MASH screening")))
        .isInstanceOf(MongoWriteException.class);
    assertThat(ledger.verify(null).intact()).as("the entry stays in the chain, recording a read that showed nothing")
        .isTrue();
  }

  @Test
  void a_document_changed_in_the_store_is_named_by_its_sequence() {
    for (int i = 1; i <= 5; i++) {
      ledger.append("contact:C-1", read("sw-" + i, "MASH screening"));
    }
    entries().updateOne(Filters.eq("_id", 3L), Updates.set("fields.purpose", "Curiosity"));

    ChainVerification verification = ledger.verify(null);

    assertThat(verification.intact()).isFalse();
    assertThat(verification.reason()).isEqualTo(Break.ALTERED_ENTRY);
    assertThat(verification.brokenAt()).isEqualTo(3);
  }

  @Test
  void a_value_append_never_writes_or_a_missing_hash_is_an_altered_entry_not_an_error() {
    for (int i = 1; i <= 3; i++) {
      ledger.append("contact:C-1", read("sw-" + i, "MASH screening"));
    }
    entries().updateOne(Filters.eq("_id", 2L), Updates.set("fields.at", 42));
    assertThat(ledger.verify(null)).extracting(ChainVerification::reason, ChainVerification::brokenAt)
        .containsExactly(Break.ALTERED_ENTRY, 2L);

    entries().updateOne(Filters.eq("_id", 2L), Updates.unset("hash"));
    assertThat(ledger.verify(null).brokenAt()).isEqualTo(2);
  }

  @Test
  void a_document_deleted_from_the_store_is_a_gap() {
    for (int i = 1; i <= 5; i++) {
      ledger.append("contact:C-1", read("sw-" + i, "MASH screening"));
    }
    entries().deleteOne(Filters.eq("_id", 2L));

    assertThat(ledger.verify(null)).extracting(ChainVerification::reason, ChainVerification::brokenAt)
        .containsExactly(Break.GAP, 2L);
    assertThat(ledger.about("contact:C-1")).as("the report shows what is there").hasSize(4);
  }
}
