package org.mashfrontdoor.notification.domain.kpi;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.mashfrontdoor.platform.deadlines.DeadlinePolicy;
import org.mashfrontdoor.platform.time.WorkingDayCalendar;

/**
 * The contacts and pathway milestones of a period, what the KPIs are computed from, as of {@code now} (an open
 * contact past its deadline counts as late from then on). {@code endOfNextWorkingDay} is the older "1 day" measure.
 */
public record Facts(List<CountedContact> contacts, List<PathwayMilestone> milestones, Instant now,
    DeadlinePolicy endOfNextWorkingDay) {

  /** Months and years of the scorecard are the MASH's local ones. */
  public static final ZoneId LOCAL = WorkingDayCalendar.ENGLAND_AND_WALES_ZONE;

  public Facts {
    contacts = List.copyOf(contacts);
    milestones = List.copyOf(milestones);
  }

  public static YearMonth monthOf(Instant at) {
    return YearMonth.from(at.atZone(LOCAL));
  }

  /** Only what belongs to the months from {@code first} to {@code last}, both included. */
  public Facts between(YearMonth first, YearMonth last) {
    return new Facts(
        contacts.stream().filter(c -> within(monthOf(c.receivedAt()), first, last)).toList(),
        milestones.stream().filter(m -> within(monthOf(m.at()), first, last)).toList(),
        now, endOfNextWorkingDay);
  }

  private static boolean within(YearMonth month, YearMonth first, YearMonth last) {
    return !month.isBefore(first) && !month.isAfter(last);
  }
}
