package org.mashfrontdoor.intake.adapters.persistence;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.bson.Document;
import org.mashfrontdoor.intake.application.ReferenceNumbers;

/**
 * One counter document per year ({@code _id} = {@code MARF-<year>}, {@code last} = the highest number handed out to
 * any intake), advanced by an atomic findOneAndUpdate of a whole block of {@value #BLOCK} numbers, which this intake
 * then hands out from memory: one store write per block instead of one per referral.
 *
 * <p>No two referrals share a number, across intakes and restarts, because every block is the counter's own
 * increment, acknowledged by a majority (a block lost in a failover would be handed out again). What a block costs:
 * the numbers it had left when its intake stopped are never used (a reference is an identifier to quote, not a
 * count), and with several intakes the numbers are unique but not in order of arrival.
 *
 * <p>One reservation at a time, and no lock held while it waits on the store: requests that find the block used up
 * wait for that one reservation and share its failure, so a store outage fails each of them once, not one after
 * another.
 */
public class MongoReferenceNumbers implements ReferenceNumbers {

  /** Numbers reserved per counter write. */
  public static final long BLOCK = 50;

  private record Block(int year, long next, long last) {
    boolean has(int year) {
      return this.year == year && next <= last;
    }
  }

  private record Reservation(int year, CompletableFuture<Block> block) {
  }

  private final MongoCollection<Document> counters;
  private Block block = new Block(0, 1, 0);
  private Reservation reserving;

  public MongoReferenceNumbers(MongoDatabase database) {
    this.counters = database.getCollection("referenceCounters")
        .withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
  }

  @Override
  public long next(int year) {
    while (true) {
      Reservation waitingFor;
      boolean reserve = false;
      synchronized (this) {
        if (block.has(year)) {
          long number = block.next();
          block = new Block(year, number + 1, block.last());
          return number;
        }
        if (reserving == null || reserving.year() != year) {
          reserving = new Reservation(year, new CompletableFuture<>());
          reserve = true;
        }
        waitingFor = reserving;
      }
      if (reserve) {
        reserve(waitingFor);
      }
      try {
        waitingFor.block().join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
  }

  /** Reserves the next block outside the lock and puts it in place; its first number goes to whoever comes first. */
  private void reserve(Reservation reservation) {
    try {
      long last = reserveBlock(reservation.year());
      Block reserved = new Block(reservation.year(), last - BLOCK + 1, last);
      synchronized (this) {
        block = reserved;
        done(reservation);
      }
      reservation.block().complete(reserved);
    } catch (Throwable e) {
      synchronized (this) {
        done(reservation);
      }
      reservation.block().completeExceptionally(e);
    }
  }

  private void done(Reservation reservation) {
    if (reserving == reservation) {
      reserving = null; // not one for another year started meanwhile
    }
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
