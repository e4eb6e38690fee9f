package org.mashfrontdoor.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** The background thread that drives relay and publisher: woken by each write, else polling. */
public final class OutboxLoop implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxLoop.class);
  private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

  private final OutboxRelay relay;
  private final OutboxPublisher publisher; // null in Debezium mode
  private final OutboxProperties properties;
  private final Clock clock;
  private volatile Thread thread;
  private volatile boolean running;

  public OutboxLoop(OutboxRelay relay, OutboxPublisher publisher, OutboxProperties properties, Clock clock) {
    this.relay = relay;
    this.publisher = publisher;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void start() {
    running = true;
    thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
  }

  @Override
  public void stop() {
    running = false;
    Thread t = thread;
    if (t != null) {
      relay.nudge();
      try {
        t.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // Stop after the web server and listeners (higher phases stop first), so accepted events still go out.
    return Integer.MIN_VALUE / 2;
  }

  private void run() {
    Instant nextPurge = clock.instant().plus(PURGE_EVERY);
    long backoffMillis = properties.pollInterval().toMillis();
    while (running) {
      try {
        drainOnce();
        if (publisher != null && clock.instant().isAfter(nextPurge)) {
          publisher.purgeSentBefore(clock.instant().minus(properties.retention()));
          nextPurge = clock.instant().plus(PURGE_EVERY);
        }
        backoffMillis = properties.pollInterval().toMillis();
        relay.awaitNudge(backoffMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // The store or broker is away: keep everything where it is and try again, backing off to 5 s.
        log.warn("Outbox relay pass failed, retrying in {} ms: {}", backoffMillis, e.toString());
        try {
          Thread.sleep(backoffMillis);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
        backoffMillis = Math.min(backoffMillis * 2, 5_000);
      }
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
