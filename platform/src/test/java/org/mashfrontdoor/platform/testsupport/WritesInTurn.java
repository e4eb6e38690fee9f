package org.mashfrontdoor.platform.testsupport;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Locale;
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
 * advancing one counter by {@code $inc} got 578 different answers for 600 increments. Here each write command to a
 * collection runs alone, and {@code findAndModify} answers with a copy taken before the next write starts.
 *
 * <p>Not mended here: a read ({@code find}) still returns the stored objects and is encoded after it returns, so on
 * the tests' store it can see a write to the same document half done. Copying every read under a lock would tax
 * every query of the stand-in; left as the library has it. The local stack's store has its updates change a copy
 * instead ({@code LocalMongoServer}), so no write changes an object a read returned.
 * Used by the tests' store ({@link PinnedIdMemoryBackend}) and the local stack's ({@code LocalMongoServer}).
 */
public final class WritesInTurn {

  /** Lower case: the library takes command names in any case. */
  private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
      "createindexes", "drop", "dropindexes");

  private final Map<String, Object> collections = new ConcurrentHashMap<>();

  /** Whether {@code command} (any case) writes to a collection. */
  public static boolean isWrite(String command) {
    return WRITES.contains(command.toLowerCase(Locale.ROOT));
  }

  /** Runs {@code command} through {@code handling}: alone among the writes to its collection when it is a write. */
  public Document handle(String databaseName, String command, Document query, Supplier<Document> handling) {
    if (!isWrite(command) || !(query.get(command) instanceof String collection)) {
      return handling.get();
    }
    synchronized (collections.computeIfAbsent(databaseName + "." + collection, name -> new Object())) {
      Document answer = handling.get();
      if (command.equalsIgnoreCase("findAndModify") && answer.get("value") instanceof Document value) {
        answer.put("value", value.cloneDeeply());
      }
      return answer;
    }
  }
}
