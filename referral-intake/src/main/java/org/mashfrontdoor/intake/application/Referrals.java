package org.mashfrontdoor.intake.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.mashfrontdoor.intake.domain.Links;
import org.mashfrontdoor.intake.domain.Referral;

/** Port: where referrals are kept. */
public interface Referrals {

  /**
   * Stores a new referral, its {@code referral.received} event and the partner's idempotency key durably, in one
   * write, and answers empty. Stores no referral when another referral holds the key and it had not expired by this
   * referral's receipt, or when a referral with this id exists: then answers that referral (and leaves nothing of
   * this one behind; an expired key is released from the referral that held it).
   */
  Optional<Held> add(Referral referral, IdempotencyKey key);

  /**
   * A referral already stored under the key or id, with the fingerprint of the body the key was bound to; null when
   * the referral was found by its id and does not hold this key.
   */
  record Held(Referral referral, String fingerprint) {
  }

  Optional<Referral> byId(String referralId);

  /** Earlier referrals sharing any of these pseudonymous child keys, received at or after {@code since}. */
  List<Links.Earlier> about(List<String> childKeys, Instant since);

  /** The partner's referrals (all, when {@code partnerId} is null) changed at or after {@code since}, oldest change first. */
  default List<Referral> updatedSince(String partnerId, Instant since, int limit) {
    return updatedSince(partnerId, since, null, limit);
  }

  /**
   * As above, in (change time, referral id) order, and when {@code after} is given, strictly past the referral
   * {@code after} changed at {@code since}: a cursor that moves on even when many referrals share one instant.
   */
  List<Referral> updatedSince(String partnerId, Instant since, String after, int limit);

  /**
   * One consumed event's change to one referral: to what the referrer sees (status, outcome, advice, timeline). It is
   * given the referral without its form ({@code form()} is null), which no such change reads.
   */
  record Change(String referralId, String causedByEventId, UnaryOperator<Referral> change) {
  }

  /**
   * Applies each change once, in order (several may change one referral), as if one at a time: a change whose event
   * the referral already handled changes nothing, so a redelivered poll changes nothing. Answers, for each change,
   * whether the referral is known.
   */
  List<Boolean> updateAll(List<Change> changes);
}
