package org.mashfrontdoor.intake.adapters.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.mashfrontdoor.intake.domain.Referral;
import org.mashfrontdoor.platform.deadlines.AppliedPolicy;
import org.mashfrontdoor.platform.events.EventEnvelope;

/**
 * Data of {@code referral.received.v1} (docs/events.md). It carries what the MASH needs to screen the contact;
 * addresses, NHS numbers, referrer contact details and consent detail stay in the intake.
 */
public record ReferralReceivedV1(
    String referralId,
    String reference,
    String referralType,
    Instant receivedAt,
    Instant decisionDueBy,
    AppliedPolicy deadlinePolicy,
    Referrer referrer,
    List<Child> children,
    Concern concern,
    String dashRiskLevel,
    boolean reReferral,
    List<String> linkedReferralIds) {

  public static final String TYPE = "referral.received.v1";
  public static final String SOURCE = "/mash/referral-intake";

  public record Referrer(String agency, String organisation) {
  }

  public record Child(String givenName, String familyName, LocalDate dateOfBirth, boolean onChildProtectionPlan) {
  }

  public record Concern(List<String> categories, String summary, boolean immediateRisk, Integer levelOfNeed) {
  }

  public static EventEnvelope eventFor(Referral referral) {
    ReferralReceivedV1 data = new ReferralReceivedV1(
        referral.referralId(),
        referral.reference(),
        referral.referralType().name(),
        referral.receivedAt(),
        referral.decisionDueBy(),
        referral.deadlinePolicy(),
        new Referrer(referral.referrer().agency().name(), referral.referrer().organisation()),
        referral.children().stream()
            .map(c -> new Child(c.givenName(), c.familyName(), c.dateOfBirth(), c.onChildProtectionPlan()))
            .toList(),
        new Concern(referral.concern().categories().stream().map(Enum::name).sorted().toList(),
            referral.concern().summary(), referral.concern().immediateRisk(), referral.concern().levelOfNeed()),
        referral.dashRiskLevel() == null ? null : referral.dashRiskLevel().name(),
        referral.links().reReferral(),
        referral.links().linkedReferralIds());
    return EventEnvelope.create(SOURCE, TYPE, referral.referralId(), referral.receivedAt(), data);
  }
}
