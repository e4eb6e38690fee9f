package org.mashfrontdoor.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.mashfrontdoor.platform.scheduling.PollingLoop;

/** Drives relay and publisher: woken by each write that raised events, else polling. */
public final class OutboxLoop extends PollingLoop {

  private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

  private final OutboxRelay relay;
  private final OutboxPublisher publisher; // null in Debezium mode
  private final OutboxProperties properties;
  private final Clock clock;
  private Instant nextPurge;

  public OutboxLoop(OutboxRelay relay, OutboxPublisher publisher, OutboxProperties properties, Clock clock) {
    super("outbox-relay", properties.pollInterval());
    this.relay = relay;
    this.publisher = publisher;
    this.properties = properties;
    this.clock = clock;
    this.nextPurge = clock.instant().plus(PURGE_EVERY);
    relay.whenEventsPending(this::wake);
  }

  @Override
  public int getPhase() {
    // Stop after the web server and listeners (higher phases stop first), so accepted events still go out.
    return Integer.MIN_VALUE / 2;
  }

  @Override
  protected void pass() {
    drainOnce();
    if (publisher != null && clock.instant().isAfter(nextPurge)) {
      publisher.purgeSentBefore(clock.instant().minus(properties.retention()));
      nextPurge = clock.instant().plus(PURGE_EVERY);
    }
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
