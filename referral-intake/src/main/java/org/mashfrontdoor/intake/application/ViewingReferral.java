package org.mashfrontdoor.intake.application;

import java.util.Optional;
import org.mashfrontdoor.intake.domain.Referral;

/** A referrer looks up what happened to their referral. */
public class ViewingReferral {

  private final Referrals referrals;

  public ViewingReferral(Referrals referrals) {
    this.referrals = referrals;
  }

  public Optional<Referral> view(String referralId) {
    return referrals.byId(referralId);
  }
}
