package org.mashfrontdoor.platform.deadlines;

import java.time.Instant;
import java.util.Objects;
import org.mashfrontdoor.platform.time.WorkingDayCalendar;

/**
 * "One working day": due at the same local clock time (Europe/London) on the first working day strictly after the
 * day the clock starts. Friday 15:00 is due Monday 15:00; Saturday 10:00 is due Monday 10:00; the Thursday before
 * Easter is due the Tuesday after.
 */
public record OneWorkingDay(WorkingDayCalendar calendar) implements DeadlinePolicy {

  public static final String ID = "ONE_WORKING_DAY";

  public OneWorkingDay {
    Objects.requireNonNull(calendar, "calendar");
  }

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
  public Instant dueBy(Instant start) {
    return calendar.sameTimeNextWorkingDay(start);
  }
}
