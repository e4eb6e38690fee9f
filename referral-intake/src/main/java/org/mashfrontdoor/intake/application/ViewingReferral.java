package org.mashfrontdoor.intake.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mashfrontdoor.intake.domain.Partner;
import org.mashfrontdoor.intake.domain.Referral;

/** A referrer looks up what happened to its referrals. A partner sees only its own; others do not exist for it. */
public class ViewingReferral {

  public static final int MAX_PAGE = 200;

  private final Referrals referrals;

  public ViewingReferral(Referrals referrals) {
    this.referrals = referrals;
  }

  public Optional<Referral> view(Partner partner, String referralId) {
    return referrals.byId(referralId).filter(r -> partner.owns(r.partnerId()));
  }

  /** The partner's referrals whose status changed at or after {@code since}, oldest change first, at most {@code limit}. */
  public List<Referral> updatedSince(Partner partner, Instant since, String after, int limit) {
    return referrals.updatedSince(partner.id(), since, after,
        Math.clamp(limit, 1, MAX_PAGE));
  }
}
