package org.mashfrontdoor.cases.adapters.clock;

import java.time.Duration;
import org.mashfrontdoor.cases.application.FiringCaseDeadlines;
import org.mashfrontdoor.platform.scheduling.PollingLoop;

/** Polls the case due sheet every {@code pollInterval}; all it knows is in the store. */
public class CaseClockLoop extends PollingLoop {

  private final FiringCaseDeadlines firing;

  public CaseClockLoop(FiringCaseDeadlines firing, Duration pollInterval) {
    super("case-deadline-clock", pollInterval);
    this.firing = firing;
  }

  @Override
  protected void pass() {
    firing.fireDue();
  }
}
