package org.mashfrontdoor.platform.persistence;

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
}
