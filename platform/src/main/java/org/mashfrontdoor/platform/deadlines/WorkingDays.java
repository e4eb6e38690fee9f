package org.mashfrontdoor.platform.deadlines;

import java.time.Instant;
import java.util.Objects;
import org.mashfrontdoor.platform.time.WorkingDayCalendar;

/**
 * "Within N working days of" an event, as statutory guidance counts them: the day of the event is day 0 (whatever
 * its hour, and even if it is a weekend or bank holiday); the deadline is the end of the N-th working day after it,
 * local time (the last millisecond before local midnight). Used for the initial child protection conference (15
 * working days of the strategy discussion), single assessments (45 working days of the referral) and the child
 * seen during an assessment.
 */
public record WorkingDays(int days, WorkingDayCalendar calendar) implements DeadlinePolicy {

  public WorkingDays {
    Objects.requireNonNull(calendar, "calendar");
    if (days < 1) {
      throw new IllegalArgumentException("at least one working day");
    }
  }

  /** E.g. {@code WORKING_DAYS_15}. */
  @Override
  public String id() {
    return "WORKING_DAYS_" + days;
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
  public Instant dueBy(Instant start) {
    return calendar.endOfWorkingDay(start.atZone(calendar.zone()).toLocalDate(), days);
  }
}
