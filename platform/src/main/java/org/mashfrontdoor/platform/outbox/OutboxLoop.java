package org.mashfrontdoor.platform.outbox;

import org.mashfrontdoor.platform.scheduling.PollingLoop;

/**
 * Drives relay and publisher: woken by each write that raised events, else polling. With a publisher (kafka mode)
 * the relay sends straight to the broker; without one (Debezium mode) it copies into the outbox collection.
 */
public final class OutboxLoop extends PollingLoop {

  private final OutboxRelay relay;
  private final OutboxPublisher publisher; // null in Debezium mode
  private final OutboxProperties properties;
  private boolean purged;
  private volatile boolean copiesDrained;

  public OutboxLoop(OutboxRelay relay, OutboxPublisher publisher, OutboxProperties properties) {
    super("outbox-relay", properties.pollInterval());
    this.relay = relay;
    this.publisher = publisher;
    this.properties = properties;
    relay.whenEventsPending(this::wake);
    if (publisher != null) {
      relay.publishDirectly(publisher); // kafka mode: no copy into the outbox collection (OutboxRelay)
    }
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

  /**
   * One full pass: relay everything pending, then publish everything unsent in the {@code outbox} collection. When
   * the relay publishes directly, that collection only holds what an earlier version copied there: read until empty,
   * then no more.
   */
  public void drainOnce() {
    while (relay.relayPending() > 0) {
      // keep relaying while aggregates still hold events
    }
    if (publisher != null && !(relay.publishesDirectly() && copiesDrained)) {
      while (publisher.publishBatch() == properties.batchSize()) {
        // keep publishing full batches
      }
      copiesDrained = relay.outbox().find().limit(1).first() == null;
    }
  }
}
