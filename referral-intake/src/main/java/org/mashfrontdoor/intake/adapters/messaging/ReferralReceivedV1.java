package org.mashfrontdoor.intake.adapters.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.mashfrontdoor.intake.domain.NewReferral;
import org.mashfrontdoor.intake.domain.Referral;
import org.mashfrontdoor.platform.deadlines.AppliedPolicy;
import org.mashfrontdoor.platform.events.EventEnvelope;

/**
 * Data of {@code referral.received.v1} (docs/events.md). Its one consumer is triage, which opens the contact from it
 * and shows MASH staff, after an audited read, what they need to decide: each child (names, date of birth, school,
 * plan status), the household, the concern, the DASH answers, consent and its reason, and who referred (ADR 0012).
 * What the MASH does not show never leaves intake: addresses, NHS numbers, UPNs, sex and gender. {@code recordedBy}:
 * the MASH social worker who recorded a contact made by telephone or email (then {@code referrer.agency} is the
 * source they recorded); null for a partner's form.
 */
public record ReferralReceivedV1(
    String referralId,
    String reference,
    String referralType,
    Instant receivedAt,
    Instant decisionDueBy,
    AppliedPolicy deadlinePolicy,
    Referrer referrer,
    String recordedBy,
    List<Child> children,
    Household household,
    Concern concern,
    String dashRiskLevel,
    DomesticAbuse domesticAbuse,
    Consent consent,
    boolean reReferral,
    List<String> linkedReferralIds) {

  public static final String TYPE = "referral.received.v1";
  public static final String SOURCE = "/mash/referral-intake";

  /** Who referred: {@code agency} is the contact's source (CIN census); the person as the form gave them. */
  public record Referrer(String agency, String organisation, String name, String role, String email, String phone) {
  }

  public record Child(String givenName, String familyName, LocalDate dateOfBirth, LocalDate expectedDateOfBirth,
      String school, boolean onChildProtectionPlan) {
  }

  public record Household(List<Adult> adults, List<String> riskFactors) {
  }

  public record Adult(String givenName, String familyName, LocalDate dateOfBirth, String relationship) {
  }

  public record Concern(List<String> categories, String summary, LocalDate incidentDate, boolean immediateRisk,
      Integer levelOfNeed) {
  }

  /** The police DASH risk level and the DASH Q10 answers about the children. */
  public record DomesticAbuse(String dashRiskLevel, Boolean childrenPresent, Boolean childrenWitnessed,
      Boolean childrenSeenSafeAndWell, Boolean childrenSubjectToPlan, String schoolsAttended) {
  }

  /** Whether the family knows and agreed; if not, why not and the lawful basis for sharing. */
  public record Consent(boolean parentAware, boolean consentGiven, String reasonNotSought, String lawfulBasis) {
  }

  public static EventEnvelope eventFor(Referral referral) {
    NewReferral.Referrer by = referral.referrer();
    NewReferral.Household household = referral.form().household();
    NewReferral.DomesticAbuse da = referral.form().domesticAbuse();
    NewReferral.Consent consent = referral.form().consent();
    ReferralReceivedV1 data = new ReferralReceivedV1(
        referral.referralId(),
        referral.reference(),
        referral.referralType().name(),
        referral.receivedAt(),
        referral.decisionDueBy(),
        referral.deadlinePolicy(),
        new Referrer(by.agency().name(), by.organisation(), by.name(), by.role(), by.email(), by.phone()),
        referral.form().recordedBy(),
        referral.children().stream()
            .map(c -> new Child(c.givenName(), c.familyName(), c.dateOfBirth(), c.expectedDateOfBirth(), c.school(),
                c.onChildProtectionPlan()))
            .toList(),
        household == null ? null : new Household(
            household.adults().stream()
                .map(a -> new Adult(a.givenName(), a.familyName(), a.dateOfBirth(),
                    a.relationship() == null ? null : a.relationship().name()))
                .toList(),
            household.riskFactors().stream().map(Enum::name).sorted().toList()),
        new Concern(referral.concern().categories().stream().map(Enum::name).sorted().toList(),
            referral.concern().summary(), referral.concern().incidentDate(), referral.concern().immediateRisk(),
            referral.concern().levelOfNeed()),
        referral.dashRiskLevel() == null ? null : referral.dashRiskLevel().name(),
        da == null ? null : new DomesticAbuse(da.dashRiskLevel() == null ? null : da.dashRiskLevel().name(),
            da.childrenPresent(), da.childrenWitnessed(), da.childrenSeenSafeAndWell(), da.childrenSubjectToPlan(),
            da.schoolsAttended()),
        consent == null ? null : new Consent(consent.parentAware(), consent.consentGiven(),
            consent.reasonNotSought(), consent.lawfulBasis() == null ? null : consent.lawfulBasis().name()),
        referral.links().reReferral(),
        referral.links().linkedReferralIds());
    return EventEnvelope.create(SOURCE, TYPE, referral.referralId(), referral.receivedAt(), data);
  }
}
