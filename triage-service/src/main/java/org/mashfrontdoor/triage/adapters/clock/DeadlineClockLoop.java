package org.mashfrontdoor.triage.adapters.clock;

import java.time.Duration;
import org.mashfrontdoor.triage.application.FiringDeadlines;
import org.mashfrontdoor.triage.application.ReportingRag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Polls the due sheet and the RAG report schedule every {@code pollInterval}. It holds no timers of its own: all
 * it knows is in the store, so a restart or a second instance loses and duplicates nothing.
 */
public class DeadlineClockLoop implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeadlineClockLoop.class);

  private final FiringDeadlines firingDeadlines;
  private final ReportingRag reportingRag;
  private final Duration pollInterval;
  private volatile boolean running;
  private volatile Thread thread;

  public DeadlineClockLoop(FiringDeadlines firingDeadlines, ReportingRag reportingRag, Duration pollInterval) {
    this.firingDeadlines = firingDeadlines;
    this.reportingRag = reportingRag;
    this.pollInterval = pollInterval;
  }

  @Override
  public void start() {
    running = true;
    thread = Thread.ofPlatform().name("triage-deadline-clock").daemon().start(this::run);
  }

  @Override
  public void stop() {
    running = false;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
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
    while (running) {
      try {
        firingDeadlines.fireDue();
        reportingRag.reportIfDue();
      } catch (RuntimeException e) {
        // The store is away: everything is still in it; the next poll picks up where this one stopped.
        log.warn("Deadline clock pass failed: {}", e.toString());
      }
      try {
        Thread.sleep(pollInterval);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
