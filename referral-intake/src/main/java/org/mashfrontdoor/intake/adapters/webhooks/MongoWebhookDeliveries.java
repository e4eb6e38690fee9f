package org.mashfrontdoor.intake.adapters.webhooks;

import org.mashfrontdoor.platform.codes.MashOutcome;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.mashfrontdoor.intake.application.WebhookDeliveries;
import org.mashfrontdoor.intake.domain.Milestone;
import org.mashfrontdoor.intake.domain.ReferralStatus;
import org.mashfrontdoor.intake.domain.StatusNotification;

/**
 * Deliveries in the {@code webhookDeliveries} collection, {@code _id} = delivery id, so queueing the same change
 * twice is a no-op. Finished deliveries are kept for {@code retention}, then removed.
 */
class MongoWebhookDeliveries implements WebhookDeliveries {

  static final String PENDING = "PENDING";
  static final String DELIVERED = "DELIVERED";

  private final MongoCollection<Document> deliveries;
  private final Duration retention;

  MongoWebhookDeliveries(MongoDatabase database, Duration retention) {
    this.deliveries = database.getCollection("webhookDeliveries")
        .withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    this.retention = retention;
    deliveries.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.ascending("nextAttemptAt")));
    // A TTL index removes finished deliveries on a real MongoDB; purgeExpired does it everywhere else.
    deliveries.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
  }

  @Override
  public boolean queue(StatusNotification n, Instant now) {
    try {
      deliveries.insertOne(new Document("_id", n.deliveryId())
          .append("partnerId", n.partnerId())
          .append("referralId", n.referralId())
          .append("reference", n.reference())
          .append("referralStatus", n.status().name())
          .append("milestone", n.milestone().name())
          .append("at", Date.from(n.at()))
          .append("outcome", n.outcome() == null ? null : n.outcome().name())
          .append("pathway", n.pathway())
          .append("adviceToReferrer", n.adviceToReferrer())
          .append("status", PENDING)
          .append("attempts", 0)
          .append("queuedAt", Date.from(now))
          .append("nextAttemptAt", Date.from(now)));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public List<Delivery> claimDue(Instant now, Duration lease, int limit) {
    List<Delivery> claimed = new ArrayList<>();
    FindOneAndUpdateOptions options = new FindOneAndUpdateOptions().sort(Sorts.ascending("nextAttemptAt"))
        .returnDocument(ReturnDocument.AFTER);
    while (claimed.size() < limit) {
      Document d = deliveries.findOneAndUpdate(
          Filters.and(Filters.eq("status", PENDING), Filters.lte("nextAttemptAt", Date.from(now))),
          Updates.combine(Updates.set("nextAttemptAt", Date.from(now.plus(lease))), Updates.inc("attempts", 1),
              Updates.set("lastAttemptAt", Date.from(now))),
          options);
      if (d == null) {
        break;
      }
      claimed.add(new Delivery(notification(d), d.getInteger("attempts"), d.getDate("queuedAt").toInstant()));
    }
    return claimed;
  }

  @Override
  public void delivered(Delivery delivery, Instant at) {
    finish(delivery, Updates.combine(Updates.set("status", DELIVERED), Updates.set("deliveredAt", Date.from(at)),
        Updates.set("expiresAt", Date.from(at.plus(retention))), Updates.unset("lastError")));
  }

  @Override
  public void retryAt(Delivery delivery, Instant next, String reason) {
    finish(delivery, Updates.combine(Updates.set("nextAttemptAt", Date.from(next)), Updates.set("lastError", reason)));
  }

  @Override
  public void giveUp(Delivery delivery, String status, Instant at, String reason) {
    finish(delivery, Updates.combine(Updates.set("status", status), Updates.set("finishedAt", Date.from(at)),
        Updates.set("expiresAt", Date.from(at.plus(retention))), Updates.set("lastError", reason)));
  }

  long purgeExpired(Instant now) {
    return deliveries.deleteMany(Filters.lt("expiresAt", Date.from(now))).getDeletedCount();
  }

  /** Only the attempt that holds the claim may record its result (a stale attempt after a lease ran out may not). */
  private void finish(Delivery delivery, Bson changes) {
    deliveries.updateOne(Filters.and(Filters.eq("_id", delivery.notification().deliveryId()),
        Filters.eq("status", PENDING), Filters.eq("attempts", delivery.attempt())), changes);
  }

  private static StatusNotification notification(Document d) {
    return new StatusNotification(d.getString("_id"), d.getString("partnerId"), d.getString("referralId"),
        d.getString("reference"), ReferralStatus.valueOf(d.getString("referralStatus")),
        Milestone.valueOf(d.getString("milestone")), d.getDate("at").toInstant(),
        d.getString("outcome") == null ? null : MashOutcome.valueOf(d.getString("outcome")),
        d.getString("pathway"), d.getString("adviceToReferrer"));
  }
}
