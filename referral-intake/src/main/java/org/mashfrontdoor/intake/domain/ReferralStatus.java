package org.mashfrontdoor.intake.domain;

/** Where a referral is, as its referrer sees it. Ordered: a referral never moves backwards. */
public enum ReferralStatus {
  RECEIVED, IN_TRIAGE, DECIDED
}
