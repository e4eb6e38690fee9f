package org.mashfrontdoor.triage.adapters.clock;

import java.time.Duration;
import org.mashfrontdoor.platform.scheduling.PollingLoop;
import org.mashfrontdoor.triage.application.FiringDeadlines;
import org.mashfrontdoor.triage.application.ReportingRag;

/**
 * Polls the due sheet and the RAG report schedule every {@code pollInterval}. It holds no timers of its own: all
 * it knows is in the store, so a restart or a second instance loses and duplicates nothing.
 */
public class DeadlineClockLoop extends PollingLoop {

  private final FiringDeadlines firingDeadlines;
  private final ReportingRag reportingRag;

  public DeadlineClockLoop(FiringDeadlines firingDeadlines, ReportingRag reportingRag, Duration pollInterval) {
    super("triage-deadline-clock", pollInterval);
    this.firingDeadlines = firingDeadlines;
    this.reportingRag = reportingRag;
  }

  @Override
  protected void pass() {
    firingDeadlines.fireDue();
    reportingRag.reportIfDue();
  }
}
