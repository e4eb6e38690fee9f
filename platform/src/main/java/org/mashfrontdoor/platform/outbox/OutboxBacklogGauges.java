package org.mashfrontdoor.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.mashfrontdoor.platform.outbox.OutboxRelay.Backlog;

/**
 * The outbox's pipeline-health gauges, the same names in every service (docs/metrics.md):
 * {@code mash.outbox.backlog} (events raised, not yet published) and {@code mash.outbox.oldest.pending.age}
 * (seconds since the oldest of them was raised; 0 when none). The store is read at most once per
 * {@code refresh}, however often and by however many scrapers the gauges are read.
 */
public final class OutboxBacklogGauges {

  public static final String BACKLOG = "mash.outbox.backlog";
  public static final String OLDEST_PENDING_AGE = "mash.outbox.oldest.pending.age";

  private final Supplier<Backlog> store;
  private final Clock clock;
  private final long refreshNanos;
  private Backlog snapshot;
  private long snapshotAtNanos;

  private OutboxBacklogGauges(Supplier<Backlog> store, Clock clock, Duration refresh) {
    this.store = store;
    this.clock = clock;
    this.refreshNanos = refresh.toNanos();
  }

  /** Registers both gauges; {@code countUnsent} as for {@link OutboxRelay#backlog(boolean)}. */
  public static OutboxBacklogGauges register(MeterRegistry registry, OutboxRelay relay, boolean countUnsent,
      Clock clock, Duration refresh) {
    OutboxBacklogGauges gauges = new OutboxBacklogGauges(() -> relay.backlog(countUnsent), clock, refresh);
    // Held by the registry: a gauge's object is otherwise weakly held, and reads NaN once a caller drops it.
    Gauge.builder(BACKLOG, gauges, g -> g.current().pending()).strongReference(true)
        .description("Outbox events raised but not yet published (refreshed from the store every few seconds)")
        .register(registry);
    Gauge.builder(OLDEST_PENDING_AGE, gauges, OutboxBacklogGauges::oldestAgeSeconds).strongReference(true)
        .description("Seconds since the oldest unpublished outbox event was raised; 0 when none")
        .baseUnit("seconds")
        .register(registry);
    return gauges;
  }

  private double oldestAgeSeconds() {
    Instant oldest = current().oldestRaisedAt();
    if (oldest == null) {
      return 0;
    }
    // The age grows between refreshes: only the oldest instant is cached, not the age.
    return Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
  }

  private synchronized Backlog current() {
    // Monotonic time for the refresh cadence: a test's frozen or jumping Clock must not freeze the gauge.
    long now = System.nanoTime();
    if (snapshot == null || now - snapshotAtNanos >= refreshNanos) {
      snapshot = store.get();
      snapshotAtNanos = now;
    }
    return snapshot;
  }
}
