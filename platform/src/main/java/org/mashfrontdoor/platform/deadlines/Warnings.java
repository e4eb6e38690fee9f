package org.mashfrontdoor.platform.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When a clock warns before its deadline: at each of {@code timesLeft} (longest first), then once past the deadline.
 * Stage 0 is before any warning, stage {@code i} once {@code timesLeft[i-1]} or less is left (the deadline instant
 * itself included), stage {@code size() + 1} once the deadline has passed. MASH RAG is two warnings (amber, red);
 * a case deadline one (approaching).
 */
public record Warnings(List<Duration> timesLeft) {

  public Warnings {
    timesLeft = List.copyOf(timesLeft);
    Duration previous = null;
    for (Duration left : timesLeft) {
      if (left.isNegative() || (previous != null && left.compareTo(previous) > 0)) {
        throw new IllegalArgumentException("warning times are non-negative, longest first");
      }
      previous = left;
    }
  }

  public static Warnings at(Duration... timesLeft) {
    return new Warnings(List.of(timesLeft));
  }

  /** The stage reached when the breach is announced. */
  public int breachedStage() {
    return timesLeft.size() + 1;
  }

  public int stageAt(Instant dueBy, Instant now) {
    Duration left = Duration.between(now, dueBy);
    if (left.isNegative()) {
      return breachedStage();
    }
    int stage = 0;
    for (Duration warning : timesLeft) {
      if (left.compareTo(warning) <= 0) {
        stage++;
      }
    }
    return stage;
  }

  /**
   * The instant the stage next changes after {@code now}, or null once breached. The breach instant is the first
   * nanosecond past the deadline: on the deadline itself the clock has not yet breached.
   */
  public Instant nextChange(Instant dueBy, Instant now) {
    int stage = stageAt(dueBy, now);
    if (stage == breachedStage()) {
      return null;
    }
    return stage < timesLeft.size() ? dueBy.minus(timesLeft.get(stage)) : dueBy.plusNanos(1);
  }

  /** Alarms are rounded UP to the store's milliseconds, so an alarm never fires before its instant. */
  public static Instant storable(Instant alarm) {
    if (alarm == null) {
      return null;
    }
    Instant millis = alarm.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    return millis.equals(alarm) ? millis : millis.plusMillis(1);
  }
}
