package org.mashfrontdoor.platform.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.mashfrontdoor.platform.audit.AuditChain;
import org.mashfrontdoor.platform.audit.AuditLedger;
import org.mashfrontdoor.platform.audit.ChainAnchor;
import org.mashfrontdoor.platform.audit.ChainVerification;
import org.mashfrontdoor.platform.audit.ChainedEntry;
import org.mashfrontdoor.platform.paging.Page;
import org.mashfrontdoor.platform.paging.PageWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit ledger in a service's own database, without multi-document transactions and safe with several
 * instances of the service appending at once. Every step is a single-document write or a lookup by {@code _id}
 * (the one index every store uses), so an append costs a handful of key lookups however long the ledger is:
 * <ul>
 *   <li>{@value #ENTRIES}: one document per entry, {@code _id} = its sequence number. Its uniqueness is the lock:
 *   two writers that saw the same tail both try the next number, the store keeps one, and the other (a duplicate
 *   key) reads the tail again and retries, at most {@value #MAX_ATTEMPTS} times. Inserted only, never updated.</li>
 *   <li>{@value #HEAD}: where the tail was last seen ({@code {_id: "head", sequence}}, moved forward with
 *   {@code $max}). A hint only: it may lag, so the tail is found by probing {@code _id} n+1, n+2, ... from it until
 *   one is absent.</li>
 *   <li>{@value #SUBJECTS}: per subject ({@code {_id: "contact:C-1", sequences: [...]}}), the entries about it, so
 *   "who read this" is two key lookups rather than a scan: the stand-in store uses no secondary index, and a
 *   real one would need one per report. {@code $addToSet} on one document is atomic on its own.</li>
 * </ul>
 * The entry is written before it is filed under its subject, and an append that cannot file it throws: the read it
 * records then fails, so no record is shown without its read being findable. An entry left unfiled that way
 * records a read that showed nothing; it stays in the chain. Writes are majority-acknowledged and the tail is read
 * at majority, so no entry links to one a failover could roll back.
 */
public final class MongoAuditLedger implements AuditLedger {

  public static final String ENTRIES = "auditLedger";
  public static final String HEAD = "auditLedgerHead";
  public static final String SUBJECTS = "auditLedgerSubjects";

  static final String SUBJECT = "subject";
  static final String FIELDS = "fields";
  static final String PREVIOUS_HASH = "previousHash";
  static final String HASH = "hash";
  static final String SEQUENCE = "sequence";
  static final String SEQUENCES = "sequences";
  static final String HEAD_ID = "head";
  static final int MAX_ATTEMPTS = 100;

  private static final Logger log = LoggerFactory.getLogger(MongoAuditLedger.class);

  private final MongoCollection<Document> entries;
  private final MongoCollection<Document> head;
  private final MongoCollection<Document> subjects;

  public MongoAuditLedger(MongoDatabase database) {
    WriteConcern durable = WriteConcern.MAJORITY.withJournal(true);
    this.entries = database.getCollection(ENTRIES).withWriteConcern(durable).withReadConcern(ReadConcern.MAJORITY);
    this.head = database.getCollection(HEAD).withWriteConcern(durable).withReadConcern(ReadConcern.MAJORITY);
    this.subjects = database.getCollection(SUBJECTS).withWriteConcern(durable)
        .withReadConcern(ReadConcern.MAJORITY);
  }

  @Override
  public ChainedEntry append(String subject, Map<String, ?> fields) {
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      ChainedEntry entry = AuditChain.after(tail(), subject, fields);
      try {
        entries.insertOne(toDocument(entry));
      } catch (MongoWriteException e) {
        if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
          continue; // another writer took this place first: read the new tail and try the next one
        }
        throw e;
      }
      file(subject, entry.sequence());
      moveHead(entry.sequence());
      return entry;
    }
    throw new Contended(MAX_ATTEMPTS);
  }

  @Override
  public Page<ChainedEntry> about(String subject, PageWindow window) {
    Document filed = subjects.find(Filters.eq("_id", subject)).first();
    List<Long> sequences = filed == null ? List.of() : filed.getList(SEQUENCES, Number.class).stream()
        .map(Number::longValue).sorted().toList(); // filed in the order appends finished, not always chain order
    Page<Long> page = Page.of(sequences, window);
    Map<Long, ChainedEntry> found = new HashMap<>();
    if (!page.items().isEmpty()) {
      entries.find(Filters.in("_id", page.items())).map(MongoAuditLedger::entry)
          .forEach(entry -> found.put(entry.sequence(), entry));
    }
    List<ChainedEntry> inOrder = new ArrayList<>();
    for (Long sequence : page.items()) {
      ChainedEntry entry = found.get(sequence);
      // Missing or about another subject only if the store was tampered with, which verify() reports.
      if (entry != null && entry.subject().equals(subject)) {
        inOrder.add(entry);
      }
    }
    return new Page<>(inOrder, page.total());
  }

  @Override
  public List<ChainedEntry> about(String subject) {
    return about(subject, new PageWindow(0, Integer.MAX_VALUE)).items();
  }

  @Override
  public ChainVerification verify(ChainAnchor anchor) {
    try (MongoCursor<ChainedEntry> chain = entries.find().sort(Sorts.ascending("_id")).batchSize(Scans.BATCH)
        .map(MongoAuditLedger::entry).cursor()) {
      return AuditChain.verify(chain, anchor);
    }
  }

  /** The last entry of the chain (null when it is empty): from the head hint, then forward by key. */
  private ChainedEntry tail() {
    Document hint = head.find(Filters.eq("_id", HEAD_ID)).first();
    long hinted = hint == null ? 0 : hint.get(SEQUENCE, Number.class).longValue();
    ChainedEntry tail = null;
    if (hinted > 0) {
      Document last = entries.find(Filters.eq("_id", hinted)).first();
      if (last == null) {
        throw new IllegalStateException("audit ledger entry " + hinted + ", seen as its tail, is missing: verify the"
            + " chain");
      }
      tail = entry(last);
    }
    for (Document next = byKey(hinted + 1); next != null; next = byKey(tail.sequence() + 1)) {
      tail = entry(next);
    }
    return tail;
  }

  private Document byKey(long sequence) {
    return entries.find(Filters.eq("_id", sequence)).first();
  }

  /** Files the entry under its subject; a duplicate key is a concurrent first filing of the subject: file again. */
  private void file(String subject, long sequence) {
    try {
      subjects.updateOne(Filters.eq("_id", subject), Updates.addToSet(SEQUENCES, sequence),
          new UpdateOptions().upsert(true));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      subjects.updateOne(Filters.eq("_id", subject), Updates.addToSet(SEQUENCES, sequence));
    }
  }

  /** Moves the hint forward. Best effort: the entry is in and filed; a lagging hint only costs a probe or two. */
  private void moveHead(long sequence) {
    try {
      head.updateOne(Filters.eq("_id", HEAD_ID), Updates.max(SEQUENCE, sequence), new UpdateOptions().upsert(true));
    } catch (MongoException e) {
      log.warn("Audit ledger head hint not moved to {} ({}); the next append probes past it", sequence,
          e.getClass().getSimpleName());
    }
  }

  static Document toDocument(ChainedEntry entry) {
    return new Document("_id", entry.sequence())
        .append(SUBJECT, entry.subject())
        .append(FIELDS, new Document(entry.fields()))
        .append(PREVIOUS_HASH, entry.previousHash())
        .append(HASH, entry.hash());
  }

  /**
   * An entry as stored, whatever was done to it: a value that append never writes (a number where a text was, a
   * missing hash) is read as a text that cannot fit the hash, so verification reports the entry instead of failing.
   */
  static ChainedEntry entry(Document stored) {
    Map<String, Object> fields = new HashMap<>();
    if (stored.get(FIELDS) instanceof Document written) {
      written.forEach((name, value) -> fields.put(name, value instanceof String
          || (value instanceof List<?> items && items.stream().allMatch(String.class::isInstance))
          ? value : "<not text: " + (value == null ? "null" : value.getClass().getSimpleName()) + ">"));
    }
    long sequence = stored.get("_id") instanceof Number number ? number.longValue() : 0;
    return new ChainedEntry(sequence, text(stored, SUBJECT), fields, text(stored, PREVIOUS_HASH), text(stored, HASH));
  }

  private static String text(Document stored, String field) {
    return stored.get(field) instanceof String text ? text : "";
  }

  /** Every attempt found its place taken: far more appends at once than the ledger is meant for. */
  public static final class Contended extends RuntimeException {
    Contended(int attempts) {
      super("audit ledger: no free place after " + attempts + " attempts", null, false, false);
    }
  }
}
