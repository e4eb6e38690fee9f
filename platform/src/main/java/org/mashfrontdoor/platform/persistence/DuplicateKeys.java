package org.mashfrontdoor.platform.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;

/**
 * What an unordered bulk write refused only because a key was stored already: the answer a repeated write expects
 * (a redelivery, or another writer first), told apart from a fault to wait out.
 */
public final class DuplicateKeys {

  private DuplicateKeys() {
  }

  /**
   * Inserts {@code docs} in one unordered write (one round trip, one commit on the local store) and answers the places
   * of those refused as already stored ({@link #only}); any other refusal is thrown.
   */
  public static Set<Integer> insertAll(MongoCollection<Document> collection, List<Document> docs) {
    return writeAll(collection, docs.stream().map(InsertOneModel::new).toList());
  }

  /**
   * Applies {@code writes} in one unordered bulk write and answers the places of those refused as duplicate keys
   * ({@link #only}: an upsert that raced another writer making the same document); any other refusal is thrown.
   */
  public static Set<Integer> writeAll(MongoCollection<Document> collection,
      List<? extends WriteModel<Document>> writes) {
    if (writes.isEmpty()) {
      return Set.of();
    }
    try {
      collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
      return Set.of();
    } catch (MongoBulkWriteException e) {
      return only(e);
    }
  }

  /**
   * The places, in the bulk write, of the statements {@code refused} refused as duplicate keys. Throws
   * {@code refused} itself when it refused anything for another reason, or a majority did not acknowledge it.
   */
  public static Set<Integer> only(MongoBulkWriteException refused) {
    if (refused.getWriteConcernError() != null || refused.getWriteErrors().stream()
        .anyMatch(error -> error.getCategory() != ErrorCategory.DUPLICATE_KEY)) {
      throw refused;
    }
    return refused.getWriteErrors().stream().map(BulkWriteError::getIndex).collect(Collectors.toSet());
  }
}
