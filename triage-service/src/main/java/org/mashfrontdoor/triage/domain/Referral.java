package org.mashfrontdoor.triage.domain;

import org.mashfrontdoor.platform.codes.DashRiskLevel;
import org.mashfrontdoor.platform.codes.ReferralType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.mashfrontdoor.platform.deadlines.AppliedPolicy;

/**
 * A referral received by intake, as far as the front door needs it to open (or join) a contact, with the decision
 * deadline intake set (and the policy it was set by).
 */
public record Referral(
    String referralId,
    String reference,
    ReferralType referralType,
    String agency,
    String organisation,
    Instant receivedAt,
    Instant decisionDueBy,
    AppliedPolicy deadlinePolicy,
    boolean immediateRisk,
    DashRiskLevel dashRiskLevel,
    List<Child> children,
    boolean reReferral,
    List<String> linkedReferralIds) {

  /** Ages are counted in local (UK) days. */
  static final ZoneId LOCAL = ZoneId.of("Europe/London");

  public Referral {
    Objects.requireNonNull(referralId, "referralId");
    Objects.requireNonNull(referralType, "referralType");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(decisionDueBy, "decisionDueBy");
    Objects.requireNonNull(deadlinePolicy, "deadlinePolicy");
    children = children == null ? List.of() : List.copyOf(children);
    linkedReferralIds = linkedReferralIds == null ? List.of() : List.copyOf(linkedReferralIds);
  }

  /**
   * Screened first: immediate risk, DASH high risk, a child under one on the day of receipt, a child already on a
   * child protection plan, or a re-referral within twelve months.
   */
  public boolean urgent() {
    return !urgentReasons().isEmpty();
  }

  /** Every reason this referral is urgent, in the order of {@link UrgencyReason}; empty when it is not. */
  public List<UrgencyReason> urgentReasons() {
    LocalDate received = receivedAt.atZone(LOCAL).toLocalDate();
    List<UrgencyReason> reasons = new java.util.ArrayList<>();
    if (immediateRisk) {
      reasons.add(UrgencyReason.IMMEDIATE_RISK);
    }
    if (dashRiskLevel == DashRiskLevel.HIGH) {
      reasons.add(UrgencyReason.HIGH_RISK_DOMESTIC_ABUSE);
    }
    if (children.stream().anyMatch(c -> c.dateOfBirth() != null && c.dateOfBirth().plusYears(1).isAfter(received))) {
      reasons.add(UrgencyReason.CHILD_UNDER_ONE);
    }
    if (children.stream().anyMatch(Child::onChildProtectionPlan)) {
      reasons.add(UrgencyReason.CHILD_ON_PLAN);
    }
    if (reReferral) {
      reasons.add(UrgencyReason.RE_REFERRAL);
    }
    return List.copyOf(reasons);
  }

  /** Standard and medium risk police domestic-abuse notifications go to the daily domestic-abuse triage. */
  public Lane lane() {
    return referralType == ReferralType.POLICE_NOTIFICATION
        && (dashRiskLevel == DashRiskLevel.STANDARD || dashRiskLevel == DashRiskLevel.MEDIUM)
        ? Lane.DOMESTIC_ABUSE : Lane.MASH;
  }

  public Source source() {
    return new Source(referralId, reference, referralType, agency, organisation, receivedAt);
  }
}
