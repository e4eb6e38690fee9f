package org.mashfrontdoor.triage.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** "A social care manager will make a decision within 24 hours": elapsed time, nights and weekends included. */
public record ElapsedDeadline(Duration allowed) implements DeadlinePolicy {

  public ElapsedDeadline {
    Objects.requireNonNull(allowed, "allowed");
    if (allowed.isNegative() || allowed.isZero()) {
      throw new IllegalArgumentException("a decision deadline must lie after the contact is received");
    }
  }

  /** E.g. {@code ELAPSED_24H}, {@code ELAPSED_1H30M}: a shortened demo clock is never mistaken for the real one. */
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
  public Instant decisionDueBy(Instant receivedAt) {
    return receivedAt.plus(allowed);
  }
}
