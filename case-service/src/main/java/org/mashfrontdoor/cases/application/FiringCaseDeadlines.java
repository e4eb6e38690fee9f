package org.mashfrontdoor.cases.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.mashfrontdoor.cases.domain.Case;
import org.mashfrontdoor.cases.domain.CaseEvent;
import org.mashfrontdoor.platform.deadlines.Deadline;
import org.mashfrontdoor.platform.deadlines.DeadlineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case side of the platform's due-sheet clock: every case whose next alarm has come is advanced with one
 * version-checked write carrying its approaching and breached events, so each is announced exactly once across
 * restarts and instances.
 */
public final class FiringCaseDeadlines implements DeadlineClock.DueSheet<Case> {

  private static final Logger log = LoggerFactory.getLogger(FiringCaseDeadlines.class);

  private final Cases cases;
  private final Clock clock;
  private final CaseMetrics metrics;
  private final DeadlineClock<Case> deadlineClock;

  public FiringCaseDeadlines(Cases cases, Clock clock, int batchSize, CaseMetrics metrics) {
    this.cases = cases;
    this.clock = clock;
    this.metrics = metrics;
    this.deadlineClock = new DeadlineClock<>(this, clock, batchSize);
  }

  /** Fires every alarm due now; returns how many it announced. */
  public int fireDue() {
    return deadlineClock.fireDue();
  }

  @Override
  public List<Case> due(Instant now, int limit) {
    return cases.dueAlarms(now, limit);
  }

  @Override
  public int fire(Case item, Instant now) {
    Case.Change change = item.advanceClocks(now);
    if (change == null) {
      return 0;
    }
    if (cases.update(change.after(), item.version(), change.events()) != Cases.Write.APPLIED) {
      return DeadlineClock.LOST;
    }
    Instant written = clock.instant();
    for (CaseEvent event : change.events()) {
      switch (event) {
        case CaseEvent.DeadlineApproaching a -> fired(item, a.deadline(), Deadline.Alarm.APPROACHING,
            a.scheduledFor(), written);
        case CaseEvent.DeadlineBreached b -> fired(item, b.deadline(), Deadline.Alarm.BREACHED, b.scheduledFor(),
            written);
        default -> {
        }
      }
    }
    return change.events().size();
  }

  private void fired(Case c, Deadline deadline, Deadline.Alarm alarm, Instant scheduledFor, Instant written) {
    // Lag as the team feels it: from the instant the alarm was due to the moment its event was written.
    Duration lag = Duration.between(scheduledFor, written);
    metrics.deadlineFired(deadline.kind(), alarm, lag);
    log.info("Case {} deadline {} {} (alarm {} fired {} ms late)", c.caseId(), deadline.kind(), alarm, scheduledFor,
        lag.toMillis());
  }
}
