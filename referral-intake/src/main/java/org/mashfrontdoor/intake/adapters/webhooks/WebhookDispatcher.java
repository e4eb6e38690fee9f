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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The background loop that notifies partners: every poll it queues new status changes and hands due deliveries
 * to virtual threads, at most {@code maxInFlight} at once, so a receiver that hangs holds one thread until its
 * timeout and nothing else. Intake's request and consumer threads never wait for it. Everything it does is
 * recorded in the store, so a new instance carries on where a stopped or crashed one left off.
 */
public class WebhookDispatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
  private static final long MAX_BACKOFF_MILLIS = 5_000;

  private final NotifyingPartners notifying;
  private final MongoWebhookDeliveries deliveries;
  private final Clock clock;
  private final Duration pollInterval;
  private final int pageSize;
  private final Semaphore inFlight;
  private final Object wake = new Object();
  private volatile boolean running;
  private volatile Thread thread;
  private volatile ExecutorService attempts;

  WebhookDispatcher(NotifyingPartners notifying, MongoWebhookDeliveries deliveries, Clock clock,
      Duration pollInterval, int pageSize, int maxInFlight) {
    this.notifying = notifying;
    this.deliveries = deliveries;
    this.clock = clock;
    this.pollInterval = pollInterval;
    this.pageSize = pageSize;
    this.inFlight = new Semaphore(maxInFlight);
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    attempts = Executors.newVirtualThreadPerTaskExecutor();
    thread = Thread.ofPlatform().name("webhook-dispatcher").daemon().start(this::run);
  }

  @Override
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    wakeUp();
    try {
      thread.join(Duration.ofSeconds(10));
      // Let attempts in flight record their result; any still hanging are abandoned, and their claims run out.
      attempts.shutdown();
      if (!attempts.awaitTermination(10, TimeUnit.SECONDS)) {
        attempts.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    Instant nextPurge = clock.instant();
    long waitMillis = pollInterval.toMillis();
    while (running) {
      try {
        notifying.queueChanges(pageSize);
        dispatchDue();
        if (!clock.instant().isBefore(nextPurge)) {
          deliveries.purgeExpired(clock.instant());
          nextPurge = clock.instant().plus(PURGE_EVERY);
        }
        waitMillis = pollInterval.toMillis();
      } catch (RuntimeException e) {
        // The store is away: everything stays where it is; try again, backing off.
        log.warn("Webhook dispatch pass failed, retrying in {} ms: {}", waitMillis, e.getClass().getSimpleName());
        waitMillis = Math.min(waitMillis * 2, MAX_BACKOFF_MILLIS);
      }
      synchronized (wake) {
        if (running) {
          try {
            wake.wait(waitMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
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

  private void wakeUp() {
    synchronized (wake) {
      wake.notifyAll();
    }
  }
}
