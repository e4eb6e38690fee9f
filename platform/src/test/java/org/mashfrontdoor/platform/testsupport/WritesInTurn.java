package org.mashfrontdoor.platform.testsupport;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Writes to one collection of mongo-java-server one at a time, as MongoDB's document-level atomicity promises.
 *
 * <p>Why: the library (1.47) changes a stored document in place, without a lock, and answers {@code findAndModify}
 * with that same object, encoded only after the command returns. Two writers of one document at once can then each
 * change the other's half-done copy, and a {@code findAndModify} can answer with a later write's value: six threads
 * advancing one counter by {@code $inc} got 578 different answers for 600 increments. Here each write command
 * (insert, update, delete, findAndModify) to a collection runs alone, and {@code findAndModify} answers with a copy
 * taken before the next write starts. Reads are not held: the services read by key and check versions on write.
 * Used by the tests' store ({@link PinnedIdMemoryBackend}) and the local stack's ({@code LocalMongoServer}).
 */
public final class WritesInTurn {

  private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify");

  private final Map<String, Object> collections = new ConcurrentHashMap<>();

  /** Runs {@code command} through {@code handling}: alone among the writes to its collection when it is a write. */
  public Document handle(String databaseName, String command, Document query, Supplier<Document> handling) {
    if (!WRITES.contains(command) || !(query.get(command) instanceof String collection)) {
      return handling.get();
    }
    synchronized (collections.computeIfAbsent(databaseName + "." + collection, name -> new Object())) {
      Document answer = handling.get();
      if (command.equals("findAndModify") && answer.get("value") instanceof Document value) {
        answer.put("value", value.cloneDeeply());
      }
      return answer;
    }
  }
}
