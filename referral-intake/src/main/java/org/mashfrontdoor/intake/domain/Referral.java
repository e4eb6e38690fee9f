package org.mashfrontdoor.intake.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A referral as the intake holds it: what the partner sent, the acknowledgement we gave, and the status
 * timeline the referrer sees. Status only moves forward, so late or repeated news from triage cannot undo it.
 */
public record Referral(
    String referralId,
    String reference,
    ReferralType referralType,
    Referrer referrer,
    List<Child> children,
    Concern concern,
    DashRiskLevel dashRiskLevel,
    Consent consent,
    Instant receivedAt,
    Instant decisionDueBy,
    ReferralStatus status,
    TriageOutcome outcome,
    List<StatusChange> timeline) {

  public record Referrer(Agency agency, String organisation, String name, String role, String email, String phone) {
  }

  public record Address(String line1, String line2, String town, String postcode) {
  }

  public record Child(String givenName, String familyName, LocalDate dateOfBirth, String nhsNumber,
      Address address, boolean onChildProtectionPlan) {
  }

  public record Concern(Set<ConcernCategory> categories, String summary, boolean immediateRisk, Integer levelOfNeed) {
  }

  public record Consent(boolean parentAware, boolean consentGiven, String reasonNotSought) {
  }

  /** One line of the referrer's timeline. */
  public record StatusChange(ReferralStatus status, Instant at, TriageOutcome outcome) {
  }

  public Referral {
    Objects.requireNonNull(referralId, "referralId");
    children = List.copyOf(children);
    timeline = List.copyOf(timeline);
  }

  /** A referral just received: RECEIVED, its decision due a fixed time after receipt. */
  public static Referral received(String referralId, String reference, NewReferral form, Instant receivedAt,
      Instant decisionDueBy) {
    return new Referral(referralId, reference, form.referralType(), form.referrer(), form.children(),
        form.concern(), form.dashRiskLevel(), form.consent(), receivedAt, decisionDueBy, ReferralStatus.RECEIVED,
        null, List.of(new StatusChange(ReferralStatus.RECEIVED, receivedAt, null)));
  }

  /** The MASH has opened a contact for it. No change if it is already in triage or decided. */
  public Referral inTriage(Instant at) {
    if (status.compareTo(ReferralStatus.IN_TRIAGE) >= 0) {
      return this;
    }
    return moveTo(ReferralStatus.IN_TRIAGE, at, null);
  }

  /** A manager has decided. No change if a decision is already recorded. */
  public Referral decided(TriageOutcome decision, Instant at) {
    if (status == ReferralStatus.DECIDED) {
      return this;
    }
    return moveTo(ReferralStatus.DECIDED, at, Objects.requireNonNull(decision));
  }

  /** True when the concern calls for the MASH to look first: immediate risk or a high DASH level. */
  public boolean urgent() {
    return concern.immediateRisk() || dashRiskLevel == DashRiskLevel.HIGH;
  }

  private Referral moveTo(ReferralStatus next, Instant at, TriageOutcome decision) {
    List<StatusChange> changes = new ArrayList<>(timeline);
    changes.add(new StatusChange(next, at, decision));
    return new Referral(referralId, reference, referralType, referrer, children, concern, dashRiskLevel, consent,
        receivedAt, decisionDueBy, next, decision == null ? outcome : decision, changes);
  }
}
