package org.mashfrontdoor.triage.domain;

import org.mashfrontdoor.platform.codes.DashRiskLevel;
import org.mashfrontdoor.platform.codes.ReferralType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.mashfrontdoor.platform.deadlines.DeadlinePolicy;
import org.mashfrontdoor.platform.deadlines.ElapsedTime;

/** Referrals as intake publishes them by default: due 24 elapsed hours after receipt. */
public final class ReceivedReferrals {

  public static final DeadlinePolicy WITHIN_24_HOURS = new ElapsedTime(Duration.ofHours(24));

  private ReceivedReferrals() {
  }

  public static Referral dueWithin24Hours(String referralId, String reference, ReferralType referralType,
      String agency, String organisation, Instant receivedAt, boolean immediateRisk, DashRiskLevel dashRiskLevel,
      List<Child> children, boolean reReferral, List<String> linkedReferralIds) {
    return new Referral(referralId, reference, referralType, agency, organisation, receivedAt,
        WITHIN_24_HOURS.dueBy(receivedAt), WITHIN_24_HOURS.applied(), immediateRisk, dashRiskLevel, children,
        reReferral, linkedReferralIds);
  }
}
