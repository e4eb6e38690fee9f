package org.mashfrontdoor.notification.adapters.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.mashfrontdoor.notification.application.OpenContacts;
import org.mashfrontdoor.notification.domain.RagDigest;

/**
 * The open contacts as notification-service follows them, in {@code openContacts} ({@code _id} = referral id).
 * Every write is a key lookup and idempotent: a redelivered event rewrites the same values.
 */
public final class MongoOpenContacts implements OpenContacts {

  private final MongoCollection<Document> contacts;

  public MongoOpenContacts(MongoDatabase database) {
    this.contacts = database.getCollection("openContacts");
  }

  @Override
  public void opened(String referralId, String reference, Instant receivedAt, Instant decisionDueBy, String rag,
      String lane) {
    contacts.replaceOne(Filters.eq("_id", referralId), new Document("_id", referralId)
        .append("reference", reference)
        .append("receivedAt", Date.from(receivedAt))
        .append("decisionDueBy", Date.from(decisionDueBy))
        .append("rag", rag == null ? "GREEN" : rag)
        .append("lane", lane == null ? "MASH" : lane), new ReplaceOptions().upsert(true));
  }

  @Override
  public void ragChanged(String referralId, String rag) {
    if (rag != null) {
      contacts.updateOne(Filters.eq("_id", referralId), Updates.set("rag", rag));
    }
  }

  @Override
  public void decided(String referralId) {
    contacts.deleteOne(Filters.eq("_id", referralId));
  }

  @Override
  public List<RagDigest.OpenContact> all() {
    return contacts.find().map(d -> new RagDigest.OpenContact(d.getString("_id"), d.getString("reference"),
        d.getDate("receivedAt").toInstant(), d.getDate("decisionDueBy").toInstant(), d.getString("rag"),
        d.getString("lane") == null ? "MASH" : d.getString("lane")))
        .into(new ArrayList<>());
  }
}
