package org.mashfrontdoor.platform.persistence;

import com.mongodb.client.FindIterable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;

/**
 * The few whole-collection reads a service makes (a one-time filing at start-up, an audit chain check) read in
 * batches of {@link #BATCH}. Without a batch size mongo-java-server answers a find with every match in one reply,
 * and at a million documents that reply passes the wire protocol's 48 MB limit and the driver refuses it.
 */
public final class Scans {

  public static final int BATCH = 1_000;
  /** Filings written per round when a scan files into a sheet, so the service holds one round at a time. */
  public static final int FILINGS_PER_ROUND = 10_000;

  private Scans() {
  }

  /**
   * Reads {@code found} in batches and hands what {@code read} makes of each document to {@code file}, at most
   * {@link #FILINGS_PER_ROUND} at a time, so the caller holds one round, never the whole collection.
   */
  public static <T> void inRounds(FindIterable<Document> found, Function<Document, T> read, Consumer<List<T>> file) {
    List<T> round = new ArrayList<>();
    for (Document document : found.batchSize(BATCH)) {
      round.add(read.apply(document));
      if (round.size() == FILINGS_PER_ROUND) {
        file.accept(round);
        round = new ArrayList<>();
      }
    }
    if (!round.isEmpty()) {
      file.accept(round);
    }
  }
}
