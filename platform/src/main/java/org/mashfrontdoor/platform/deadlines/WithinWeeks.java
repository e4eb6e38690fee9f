package org.mashfrontdoor.platform.deadlines;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * "No more than 4 weeks": the same local clock time, {@code weeks} weeks (7 days each) later. Counted in local days,
 * not elapsed hours, so a clock change in between moves the deadline by neither more nor less than the weeks.
 */
public record WithinWeeks(int weeks, ZoneId zone) implements DeadlinePolicy {

  public WithinWeeks {
    Objects.requireNonNull(zone, "zone");
    if (weeks < 1) {
      throw new IllegalArgumentException("at least one week");
    }
  }

  /** E.g. {@code WITHIN_4_WEEKS}. */
  @Override
  public String id() {
    return "WITHIN_" + weeks + "_WEEKS";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public String calendarVersion() {
    return null;
  }

  @Override
  public Instant dueBy(Instant start) {
    return start.atZone(zone).plusWeeks(weeks).toInstant();
  }
}
