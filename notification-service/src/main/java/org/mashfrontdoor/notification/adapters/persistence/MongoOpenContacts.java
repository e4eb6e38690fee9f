package org.mashfrontdoor.notification.adapters.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
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

  /** One ordered bulk write: a contact opened then decided in the same poll ends up not open. */
  @Override
  public void applyAll(List<Change> changes) {
    List<WriteModel<Document>> writes = new ArrayList<>(changes.size());
    for (Change change : changes) {
      Bson id = Filters.eq("_id", change.referralId());
      switch (change) {
        case Opened o -> writes.add(new ReplaceOneModel<>(id, new Document("_id", o.referralId())
            .append("reference", o.reference())
            .append("receivedAt", Date.from(o.receivedAt()))
            .append("decisionDueBy", Date.from(o.decisionDueBy()))
            .append("rag", o.rag() == null ? "GREEN" : o.rag())
            .append("lane", o.lane() == null ? "MASH" : o.lane()), new ReplaceOptions().upsert(true)));
        case RagChanged r -> {
          if (r.rag() != null) {
            writes.add(new UpdateOneModel<>(id, Updates.set("rag", r.rag())));
          }
        }
        case Decided d -> writes.add(new DeleteOneModel<>(id));
      }
    }
    if (!writes.isEmpty()) {
      contacts.bulkWrite(writes, new BulkWriteOptions().ordered(true));
    }
  }

  @Override
  public List<RagDigest.OpenContact> all() {
    return contacts.find().map(d -> new RagDigest.OpenContact(d.getString("_id"), d.getString("reference"),
        d.getDate("receivedAt").toInstant(), d.getDate("decisionDueBy").toInstant(), d.getString("rag"),
        d.getString("lane") == null ? "MASH" : d.getString("lane")))
        .into(new ArrayList<>());
  }
}
