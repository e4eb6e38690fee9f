package org.mashfrontdoor.triage.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The clock a contact's decision deadline was set by. It is recorded on each contact so that a later change
 * of policy (say, to one working day with a bank-holiday calendar) never silently re-times old contacts or
 * mixes figures measured by different clocks.
 */
public record DeadlinePolicy(String id, int version, Duration allowed) {

  public DeadlinePolicy {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(allowed, "allowed");
    if (allowed.isNegative() || allowed.isZero()) {
      throw new IllegalArgumentException("a decision deadline must lie after the contact is received");
    }
  }

  /** "A social care manager will make a decision within 24 hours": elapsed time, nights and weekends included. */
  public static DeadlinePolicy elapsed(Duration allowed) {
    return new DeadlinePolicy("ELAPSED_" + allowed.toString().substring(2), 1, allowed);
  }

  public Instant decisionDueBy(Instant receivedAt) {
    return receivedAt.plus(allowed);
  }
}
