package org.mashfrontdoor.notification.adapters.messaging;

/**
 * The part of {@code referral.received.v1} this service reads (tolerant reader). Children and the concern
 * summary are deliberately not declared, so they are never even held in memory here.
 */
public record ReferralReceivedData(
    String referralId,
    String reference,
    Referrer referrer,
    Concern concern,
    String dashRiskLevel) {

  public static final String TYPE = "referral.received.v1";

  public record Referrer(String agency) {
  }

  public record Concern(boolean immediateRisk) {
  }
}
