package org.mashfrontdoor.platform.scheduling;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A background thread that runs {@link #pass()} every poll interval, or at once when {@link #wake() woken}. A failed
 * pass (the store or broker is away) is logged by type and retried with a doubling backoff up to 5 s; whatever it
 * was working on is still in the store, so nothing is lost. Started and stopped with the application context.
 */
public abstract class PollingLoop implements SmartLifecycle {

  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final Logger log = LoggerFactory.getLogger(getClass());
  private final String threadName;
  private final Duration interval;
  private final Semaphore wakeUp = new Semaphore(0);
  private volatile boolean running;
  private volatile Thread thread;

  protected PollingLoop(String threadName, Duration interval) {
    this.threadName = threadName;
    this.interval = interval;
  }

  /** One unit of work: everything due now. */
  protected abstract void pass();

  /** Runs the next pass now instead of at the next poll. */
  public final void wake() {
    if (wakeUp.availablePermits() == 0) {
      wakeUp.release();
    }
  }

  @Override
  public void start() {
    running = true;
    thread = Thread.ofPlatform().name(threadName).daemon().start(this::run);
  }

  @Override
  public void stop() {
    running = false;
    Thread t = thread;
    if (t != null) {
      wake();
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

  private void run() {
    long backoff = interval.toMillis();
    while (running) {
      try {
        pass();
        backoff = interval.toMillis();
        wakeUp.tryAcquire(backoff, TimeUnit.MILLISECONDS);
        wakeUp.drainPermits();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("{} pass failed, retrying in {} ms: {}", threadName, backoff, e.toString());
        try {
          Thread.sleep(backoff); // not woken early: writes must not turn an outage into a busy loop
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff = Math.min(Math.max(backoff, 1) * 2, MAX_BACKOFF.toMillis());
      }
    }
  }
}
