package org.mashfrontdoor.intake.adapters.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.mashfrontdoor.intake.application.NotifyingPartners;
import org.mashfrontdoor.intake.application.WebhookDeliveries.Delivery;
import org.mashfrontdoor.platform.scheduling.PollingLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background loop that notifies partners: every poll it queues new status changes and hands due deliveries
 * to virtual threads, at most {@code maxInFlight} at once, so a receiver that hangs holds one thread until its
 * timeout and nothing else. Intake's request and consumer threads never wait for it. Everything it does is
 * recorded in the store, so a new instance carries on where a stopped or crashed one left off. The loop itself
 * (poll, backoff while the store is away, start and stop) is the platform's {@link PollingLoop}.
 */
public class WebhookDispatcher extends PollingLoop {

  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

  private final NotifyingPartners notifying;
  private final MongoWebhookDeliveries deliveries;
  private final Clock clock;
  private final int pageSize;
  private final Semaphore inFlight;
  private volatile ExecutorService attempts;
  /** Read and written by the loop's thread only; set before it starts, so the first pass purges. */
  private Instant nextPurge;

  WebhookDispatcher(NotifyingPartners notifying, MongoWebhookDeliveries deliveries, Clock clock,
      Duration pollInterval, int pageSize, int maxInFlight) {
    super("webhook-dispatcher", pollInterval);
    this.notifying = notifying;
    this.deliveries = deliveries;
    this.clock = clock;
    this.pageSize = pageSize;
    this.inFlight = new Semaphore(maxInFlight);
  }

  @Override
  public synchronized void start() {
    if (isRunning()) {
      return;
    }
    attempts = Executors.newVirtualThreadPerTaskExecutor();
    nextPurge = clock.instant();
    super.start();
  }

  @Override
  public synchronized void stop() {
    if (!isRunning()) {
      return;
    }
    super.stop();
    // Let attempts in flight record their result; any still hanging are abandoned, and their claims run out.
    attempts.shutdown();
    try {
      if (!attempts.awaitTermination(10, TimeUnit.SECONDS)) {
        attempts.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  protected void pass() {
    notifying.queueChanges(pageSize);
    dispatchDue();
    if (!clock.instant().isBefore(nextPurge)) {
      deliveries.purgeExpired(clock.instant());
      nextPurge = clock.instant().plus(PURGE_EVERY);
    }
  }

  private void dispatchDue() {
    for (Delivery delivery : notifying.claimDue(inFlight.availablePermits())) {
      inFlight.acquireUninterruptibly();
      attempts.execute(() -> {
        try {
          notifying.attempt(delivery);
        } catch (RuntimeException e) {
          log.warn("Webhook delivery {} attempt {} could not be recorded: {}",
              delivery.notification().deliveryId(), delivery.attempt(), e.getClass().getSimpleName());
        } finally {
          inFlight.release();
        }
      });
    }
  }
}
