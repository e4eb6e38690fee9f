package org.mashfrontdoor.platform.outbox;

import org.mashfrontdoor.platform.scheduling.PollingLoop;

/** Drives relay and publisher: woken by each write that raised events, else polling. */
public final class OutboxLoop extends PollingLoop {

  private final OutboxRelay relay;
  private final OutboxPublisher publisher; // null in Debezium mode
  private final OutboxProperties properties;
  private boolean purged;

  public OutboxLoop(OutboxRelay relay, OutboxPublisher publisher, OutboxProperties properties) {
    super("outbox-relay", properties.pollInterval());
    this.relay = relay;
    this.publisher = publisher;
    this.properties = properties;
    relay.whenEventsPending(this::wake);
  }

  @Override
  public int getPhase() {
    // Stop after the web server and listeners (higher phases stop first), so accepted events still go out.
    return Integer.MIN_VALUE / 2;
  }

  @Override
  protected void pass() {
    if (publisher != null && !purged) {
      publisher.purgePublished();
      purged = true;
    }
    drainOnce();
  }

  /** One full pass: relay everything pending, then publish everything unsent. */
  public void drainOnce() {
    while (relay.relayPending() > 0) {
      // keep relaying while aggregates still hold events
    }
    if (publisher != null) {
      while (publisher.publishBatch() == properties.batchSize()) {
        // keep publishing full batches
      }
    }
  }
}
