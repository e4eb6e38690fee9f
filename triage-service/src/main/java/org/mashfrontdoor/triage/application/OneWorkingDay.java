package org.mashfrontdoor.triage.application;

import java.time.Instant;
import org.mashfrontdoor.platform.time.WorkingDayCalendar;
import org.mashfrontdoor.triage.domain.DeadlinePolicy;

/**
 * "One working day": due at the same local clock time (Europe/London) on the first working day strictly after the
 * day of receipt, by the platform's versioned bank-holiday calendar. Friday 15:00 is due Monday 15:00; Saturday
 * 10:00 is due Monday 10:00; the Thursday before Easter is due the Tuesday after. The calendar's version is stored
 * with every deadline it sets.
 */
public record OneWorkingDay(WorkingDayCalendar calendar) implements DeadlinePolicy {

  public static final String ID = "ONE_WORKING_DAY";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public String calendarVersion() {
    return calendar.region() + "/" + calendar.version();
  }

  @Override
  public Instant decisionDueBy(Instant receivedAt) {
    return calendar.sameTimeNextWorkingDay(receivedAt);
  }
}
