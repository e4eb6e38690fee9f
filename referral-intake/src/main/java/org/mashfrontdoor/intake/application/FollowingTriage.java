package org.mashfrontdoor.intake.application;

import java.time.Instant;
import org.mashfrontdoor.intake.domain.TriageOutcome;

/** Keeps the referrer's view in step with the MASH: in triage, then decided. */
public class FollowingTriage {

  private final Referrals referrals;

  public FollowingTriage(Referrals referrals) {
    this.referrals = referrals;
  }

  public boolean contactOpened(String referralId, String eventId, Instant at) {
    return referrals.update(referralId, eventId, referral -> referral.inTriage(at));
  }

  public boolean decisionRecorded(String referralId, String eventId, TriageOutcome outcome, Instant at) {
    return referrals.update(referralId, eventId, referral -> referral.decided(outcome, at));
  }
}
