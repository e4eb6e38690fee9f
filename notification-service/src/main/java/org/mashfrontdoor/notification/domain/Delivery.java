package org.mashfrontdoor.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One durable delivery of an alert: to one recipient over one channel, with its attempts. Kept inside the alert's
 * document, so raising an alert and owing its deliveries are one write, and nothing owed is ever lost.
 */
public record Delivery(Channel channel, String recipient, State state, int attempts, String lastError,
    Instant nextAttemptAt, Instant sentAt) {

  public enum State {
    PENDING,
    SENT,
    /** Given up after {@link #GIVE_UP_AFTER} attempts; the stream and the other channels still had it. */
    FAILED
  }

  public static final int GIVE_UP_AFTER = 50;
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  public Delivery {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(state, "state");
  }

  public static Delivery owed(Channel channel, String recipient, Instant from) {
    return new Delivery(channel, recipient, State.PENDING, 0, null, from, null);
  }

  /** Whether it should be tried at {@code now}. */
  public boolean isDue(Instant now) {
    return state == State.PENDING && nextAttemptAt != null && !nextAttemptAt.isAfter(now);
  }

  public Delivery sent(Instant at) {
    return new Delivery(channel, recipient, State.SENT, attempts + 1, lastError, null, at);
  }

  /**
   * A failed attempt: try again after a doubling backoff (1 s, 2 s, ... up to 5 min) with up to 20% jitter
   * ({@code jitter} in [0, 1)), so a recovering mail server is not hit by every alert at once.
   */
  public Delivery failed(String error, Instant at, double jitter) {
    int tried = attempts + 1;
    if (tried >= GIVE_UP_AFTER) {
      return new Delivery(channel, recipient, State.FAILED, tried, error, null, null);
    }
    Duration backoff = Duration.ofSeconds(1L << Math.min(tried - 1, 20));
    if (backoff.compareTo(MAX_BACKOFF) > 0) {
      backoff = MAX_BACKOFF;
    }
    backoff = backoff.plusMillis((long) (backoff.toMillis() * 0.2 * jitter));
    return new Delivery(channel, recipient, State.PENDING, tried, error, at.plus(backoff), null);
  }

  /** Identifies it within its alert (and, with the alert id, as an email's Message-ID). */
  public String key() {
    return channel + ":" + recipient;
  }
}
