package org.mashfrontdoor.intake.adapters.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.mashfrontdoor.intake.application.IdempotencyKeys;

/**
 * Keys in {@code idempotencyKeys}, {@code _id} = partner + key, so the unique {@code _id} makes the claim atomic.
 * A TTL index on {@code expiresAt} removes them on a real MongoDB; {@link #purgeExpired} does it everywhere else
 * (mongo-java-server has no TTL monitor). The body is kept only as a SHA-256 fingerprint.
 */
public class MongoIdempotencyKeys implements IdempotencyKeys {

  private static final int MAX_ATTEMPTS = 5;

  private final MongoCollection<Document> keys;

  public MongoIdempotencyKeys(MongoDatabase database) {
    this.keys = database.getCollection("idempotencyKeys").withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    keys.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
  }

  @Override
  public Claim claim(String partnerId, String key, String fingerprint, String referralId, Instant now,
      Instant expiresAt) {
    String id = partnerId + "|" + key;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try {
        keys.insertOne(new Document("_id", id).append("fingerprint", fingerprint).append("referralId", referralId)
            .append("claimedAt", Date.from(now)).append("expiresAt", Date.from(expiresAt)));
        return new Claim(referralId, fingerprint, true);
      } catch (MongoWriteException e) {
        if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
      }
      Document existing = keys.find(Filters.eq("_id", id)).first();
      if (existing == null) {
        continue; // purged between our insert and our read: claim again
      }
      if (existing.getDate("expiresAt").toInstant().isAfter(now)) {
        return new Claim(existing.getString("referralId"), existing.getString("fingerprint"), false);
      }
      // Expired but not yet purged: forget exactly that binding (not a newer one), then claim again.
      keys.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("expiresAt", existing.getDate("expiresAt"))));
    }
    throw new IllegalStateException("idempotency key kept changing under contention");
  }

  @Override
  public long purgeExpired(Instant now) {
    return keys.deleteMany(Filters.lt("expiresAt", Date.from(now))).getDeletedCount();
  }
}
