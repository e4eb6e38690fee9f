package org.mashfrontdoor.intake.application;

import java.time.Instant;

/** Port: the partners' idempotency keys, each bound to the body it first came with and the referral it made. */
public interface IdempotencyKeys {

  /** A key's binding: the fingerprint of the body it first came with and the referral id reserved for it. */
  record Claim(String referralId, String fingerprint, boolean fresh) {
  }

  /**
   * Claims {@code key} for {@code partnerId} atomically: the first caller binds it to {@code fingerprint} and
   * {@code referralId} ({@code fresh}); every later caller, concurrent or not, gets that first binding back.
   * A binding past {@code expiresAt} counts as absent.
   */
  Claim claim(String partnerId, String key, String fingerprint, String referralId, Instant now, Instant expiresAt);

  /** Forgets keys that expired before {@code now}; returns how many. */
  long purgeExpired(Instant now);
}
