package org.mashfrontdoor.intake.domain;

import java.util.List;

/** A referral form as a partner submitted it, already checked for shape and validity. */
public record NewReferral(
    ReferralType referralType,
    Referral.Referrer referrer,
    List<Referral.Child> children,
    Referral.Concern concern,
    DashRiskLevel dashRiskLevel,
    Referral.Consent consent) {

  public NewReferral {
    children = List.copyOf(children);
  }
}
