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

/**
 * One counter document per year ({@code _id} = {@code MARF-<year>}, {@code last} = the highest number handed out to
 * any intake), advanced by an atomic findOneAndUpdate of a whole block of {@value #BLOCK} numbers, which this intake
 * then hands out from memory: one store write per block instead of one per referral.
 *
 * <p>No two referrals share a number, across intakes and restarts, because every block is the counter's own
 * increment. What a block costs: the numbers it had left when its intake stopped are never used (a reference is an
 * identifier to quote, not a count), and with several intakes the numbers are unique but not in order of arrival.
 */
public class MongoReferenceNumbers implements ReferenceNumbers {

  /** Numbers reserved per counter write. */
  public static final long BLOCK = 50;

  private final MongoCollection<Document> counters;
  private int year;
  private long next;
  private long limit; // the last number of the block held; next > limit: none left

  public MongoReferenceNumbers(MongoDatabase database) {
    this.counters = database.getCollection("referenceCounters");
  }

  @Override
  public synchronized long next(int year) {
    if (year != this.year || next > limit) {
      limit = reserveBlock(year);
      next = limit - BLOCK + 1;
      this.year = year;
    }
    return next++;
  }

  private long reserveBlock(int year) {
    try {
      return advance(year);
    } catch (MongoCommandException | MongoWriteException e) {
      // Two first-of-the-year upserts raced and one lost on the unique _id: the counter exists now.
      return advance(year);
    }
  }

  private long advance(int year) {
    Document counter = counters.findOneAndUpdate(new Document("_id", "MARF-" + year), Updates.inc("last", BLOCK),
        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    return ((Number) counter.get("last")).longValue();
  }
}
