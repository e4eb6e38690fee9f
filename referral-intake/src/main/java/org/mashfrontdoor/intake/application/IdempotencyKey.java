package org.mashfrontdoor.intake.application;

import java.time.Instant;

/**
 * A partner's idempotency key as the referral it made holds it: bound to the fingerprint of the body it first came
 * with, until it expires. After that the key counts as new (a partner may reuse keys).
 */
public record IdempotencyKey(String partnerId, String key, String fingerprint, Instant expiresAt) {

  /** Keys belong to a partner: the same key from two partners is two keys. */
  public String id() {
    return partnerId + "|" + key;
  }
}
