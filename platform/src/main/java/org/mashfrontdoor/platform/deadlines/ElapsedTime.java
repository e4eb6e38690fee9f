package org.mashfrontdoor.platform.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** "Within 24 hours": elapsed time, nights, weekends and bank holidays included. */
public record ElapsedTime(Duration allowed) implements DeadlinePolicy {

  public ElapsedTime {
    Objects.requireNonNull(allowed, "allowed");
    if (allowed.isNegative() || allowed.isZero()) {
      throw new IllegalArgumentException("a deadline must lie after its clock starts");
    }
  }

  /** E.g. {@code ELAPSED_24H}, {@code ELAPSED_1M30S}: a shortened demo clock is never mistaken for the real one. */
  @Override
  public String id() {
    return "ELAPSED_" + allowed.toString().substring(2);
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
    return start.plus(allowed);
  }
}
