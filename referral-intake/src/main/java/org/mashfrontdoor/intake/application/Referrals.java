package org.mashfrontdoor.intake.application;

import java.util.Optional;
import java.util.function.UnaryOperator;
import org.mashfrontdoor.intake.domain.Referral;

/** Port: where referrals are kept. */
public interface Referrals {

  /** Stores a new referral and its {@code referral.received} event durably, in one write. */
  void add(Referral referral);

  Optional<Referral> byId(String referralId);

  /**
   * Applies {@code change} once for the event {@code causedByEventId}: a redelivered event changes nothing.
   * Returns false when the referral is unknown.
   */
  boolean update(String referralId, String causedByEventId, UnaryOperator<Referral> change);
}
