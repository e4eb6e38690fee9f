package org.mashfrontdoor.triage.adapters.messaging;

import java.time.Instant;

/** Tolerant reader of {@code referral.received.v1}: only the fields triage needs. Personal data is not read. */
record ReferralReceivedV1(String referralId, String reference, Instant receivedAt, Concern concern,
    String dashRiskLevel) {

  static final String TYPE = "referral.received.v1";

  record Concern(boolean immediateRisk) {
  }
}
