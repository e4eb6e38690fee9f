package org.mashfrontdoor.triage.application;

import java.time.Instant;
import org.mashfrontdoor.triage.domain.DashRiskLevel;

/** What triage needs from a referral received by intake to open a contact. */
public record ReferralReceived(String referralId, String reference, Instant receivedAt, boolean immediateRisk,
    DashRiskLevel dashRiskLevel) {
}
