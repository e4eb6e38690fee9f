package org.mashfrontdoor.intake.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How many MARFs each partner may submit: {@code perSecond} on average with bursts of up to {@code burst} (a token
 * bucket per partner, filled at {@code perSecond}). One system sending too fast must not crowd out the others'
 * referrals. {@code perSecond} 0: no limit.
 */
public final class SubmissionAllowance {

  private record Bucket(double tokens, Instant at) {
  }

  private final double perSecond;
  private final int burst;
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public SubmissionAllowance(double perSecond, int burst) {
    if (perSecond < 0 || burst < 0) {
      throw new IllegalArgumentException("a rate and a burst of 0 or more");
    }
    this.perSecond = perSecond;
    this.burst = Math.max(1, burst);
  }

  public boolean unlimited() {
    return perSecond == 0;
  }

  /**
   * Takes one submission from the partner's allowance at {@code now}: empty when allowed, else how long until the
   * next one would be (the answer's {@code Retry-After}).
   */
  public Optional<Duration> take(String partnerId, Instant now) {
    if (unlimited()) {
      return Optional.empty();
    }
    boolean[] allowed = new boolean[1];
    Bucket after = buckets.compute(partnerId, (id, bucket) -> {
      double tokens = bucket == null ? burst
          : Math.min(burst, bucket.tokens() + Math.max(0, Duration.between(bucket.at(), now).toNanos())
              / 1e9 * perSecond);
      allowed[0] = tokens >= 1;
      return new Bucket(allowed[0] ? tokens - 1 : tokens, now);
    });
    if (allowed[0]) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos((long) Math.ceil((1 - after.tokens()) / perSecond * 1e9)));
  }
}
