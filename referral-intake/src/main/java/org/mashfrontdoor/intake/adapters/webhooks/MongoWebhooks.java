package org.mashfrontdoor.intake.adapters.webhooks;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.time.Instant;
import org.bson.Document;
import org.mashfrontdoor.platform.security.SealedSecrets;
import org.mashfrontdoor.intake.application.Webhooks;
import org.mashfrontdoor.intake.domain.WebhookSubscription;

/**
 * Subscriptions in the {@code webhooks} collection, {@code _id} = partner id (one webhook per partner). The signing
 * secret is stored sealed ({@link SealedSecrets}, bound to the partner id): the store never holds it in clear.
 */
class MongoWebhooks implements Webhooks {

  static final String COLLECTION = "webhooks";

  private final MongoCollection<Document> webhooks;
  private final SealedSecrets secrets;

  MongoWebhooks(MongoDatabase database, SealedSecrets secrets) {
    this.webhooks = database.getCollection(COLLECTION).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    this.secrets = secrets;
  }

  @Override
  public boolean save(WebhookSubscription s) {
    var result = webhooks.updateOne(Filters.eq("_id", s.partnerId()), Updates.combine(
            Updates.set("url", s.url().toString()),
            Updates.set("secret", secrets.seal(s.secret(), s.partnerId())),
            Updates.set("registeredAt", Date.from(s.registeredAt())),
            Updates.setOnInsert("changesSince", Date.from(s.changesSince()))),
        new UpdateOptions().upsert(true));
    return result.getUpsertedId() != null;
  }

  @Override
  public Optional<WebhookSubscription> of(String partnerId) {
    return Optional.ofNullable(webhooks.find(Filters.eq("_id", partnerId)).first()).map(this::fromDocument);
  }

  @Override
  public boolean remove(String partnerId) {
    return webhooks.deleteOne(Filters.eq("_id", partnerId)).getDeletedCount() == 1;
  }

  @Override
  public List<WebhookSubscription> all() {
    List<WebhookSubscription> all = new ArrayList<>();
    webhooks.find().forEach(d -> all.add(fromDocument(d)));
    return all;
  }

  @Override
  public void advance(String partnerId, Instant position) {
    webhooks.updateOne(Filters.eq("_id", partnerId), Updates.max("changesSince", Date.from(position)));
  }

  private WebhookSubscription fromDocument(Document d) {
    String partnerId = d.getString("_id");
    return new WebhookSubscription(partnerId, URI.create(d.getString("url")), secrets.open(d.getString("secret"), partnerId),
        d.getDate("registeredAt").toInstant(), d.getDate("changesSince").toInstant());
  }
}
