package org.mashfrontdoor.intake.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to try a failed webhook delivery again: after {@code firstRetry}, doubling each time up to
 * {@code longestWait}, until {@code giveUpAfter} has passed since the delivery was queued.
 */
public record DeliverySchedule(Duration firstRetry, Duration longestWait, Duration giveUpAfter) {

  public DeliverySchedule {
    if (firstRetry.isNegative() || firstRetry.isZero() || longestWait.compareTo(firstRetry) < 0) {
      throw new IllegalArgumentException("need 0 < firstRetry <= longestWait");
    }
  }

  /** The next attempt after {@code attemptsMade} failed attempts, or empty when it is time to give up. */
  public Optional<Instant> nextAttempt(int attemptsMade, Instant queuedAt, Instant now) {
    if (!now.isBefore(queuedAt.plus(giveUpAfter))) {
      return Optional.empty();
    }
    // 2^(n-1) x firstRetry, computed without overflow: stop doubling once past the longest wait.
    Duration wait = firstRetry;
    for (int i = 1; i < attemptsMade && wait.compareTo(longestWait) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return Optional.of(now.plus(wait.compareTo(longestWait) > 0 ? longestWait : wait));
  }
}
