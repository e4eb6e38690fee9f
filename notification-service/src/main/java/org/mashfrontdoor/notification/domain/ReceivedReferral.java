package org.mashfrontdoor.notification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A referral the MASH has just received, reduced to what decides whether it is urgent. {@code agency} is the
 * referring agency (e.g. POLICE, SCHOOL); it may be null when unknown.
 */
public record ReceivedReferral(
    String eventId,
    String referralId,
    String reference,
    String agency,
    boolean immediateRisk,
    DashRiskLevel dashRiskLevel) implements AlertTrigger {

  public ReceivedReferral {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(referralId, "referralId");
  }

  /** One alert per reason for urgency: immediate risk, and a high DASH risk level. */
  @Override
  public List<Alert> alertsAt(Instant now) {
    List<Alert> alerts = new ArrayList<>(2);
    String by = agency == null ? "" : " by " + agency;
    if (immediateRisk) {
      alerts.add(Alert.raise(eventId, AlertType.IMMEDIATE_RISK, referralId, reference, now,
          "Immediate risk reported" + by + " for referral " + reference));
    }
    if (dashRiskLevel == DashRiskLevel.HIGH) {
      alerts.add(Alert.raise(eventId, AlertType.HIGH_RISK_DOMESTIC_ABUSE, referralId, reference, now,
          "High DASH risk of domestic abuse reported" + by + " for referral " + reference));
    }
    return List.copyOf(alerts);
  }
}
