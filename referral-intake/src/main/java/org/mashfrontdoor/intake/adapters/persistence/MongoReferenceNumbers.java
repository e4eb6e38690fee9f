package org.mashfrontdoor.intake.adapters.persistence;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.mashfrontdoor.intake.application.ReferenceNumbers;

/** One counter document per year, advanced with an atomic findOneAndUpdate: no two referrals share a number. */
public class MongoReferenceNumbers implements ReferenceNumbers {

  private final MongoCollection<Document> counters;

  public MongoReferenceNumbers(MongoDatabase database) {
    this.counters = database.getCollection("referenceCounters");
  }

  @Override
  public long next(int year) {
    try {
      return advance(year);
    } catch (MongoCommandException | MongoWriteException e) {
      // Two first-of-the-year upserts raced and one lost on the unique _id: the counter exists now.
      return advance(year);
    }
  }

  private long advance(int year) {
    Document counter = counters.findOneAndUpdate(new Document("_id", "MARF-" + year), Updates.inc("last", 1L),
        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    return ((Number) counter.get("last")).longValue();
  }
}
