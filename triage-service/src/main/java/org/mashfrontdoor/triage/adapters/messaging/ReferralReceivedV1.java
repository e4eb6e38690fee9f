package org.mashfrontdoor.triage.adapters.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Tolerant reader of {@code referral.received.v1}: the fields triage uses, to open the contact (deadline, urgency,
 * lane, source) and to show MASH staff, after an audited read, what they need to decide (who referred, children,
 * household, concern, DASH answers, consent; ADR 0012). {@code recordedBy}: the MASH social worker who recorded a
 * call or email, absent on a partner's form.
 */
record ReferralReceivedV1(String referralId, String reference, String referralType, Instant receivedAt,
    Instant decisionDueBy, DeadlinePolicy deadlinePolicy, Referrer referrer, String recordedBy, List<Child> children,
    Household household, Concern concern, String dashRiskLevel, DomesticAbuse domesticAbuse, Consent consent,
    boolean reReferral, List<String> linkedReferralIds) {

  static final String TYPE = "referral.received.v1";

  /** The policy intake set {@code decisionDueBy} by; read loosely, checked when the event is taken in. */
  record DeadlinePolicy(String id, Integer version, String calendarVersion) {
  }

  record Referrer(String agency, String organisation, String name, String role, String email, String phone) {
  }

  record Child(String givenName, String familyName, LocalDate dateOfBirth, LocalDate expectedDateOfBirth,
      String school, boolean onChildProtectionPlan) {
  }

  record Household(List<Adult> adults, List<String> riskFactors) {
  }

  record Adult(String givenName, String familyName, LocalDate dateOfBirth, String relationship) {
  }

  record Concern(List<String> categories, String summary, LocalDate incidentDate, boolean immediateRisk,
      Integer levelOfNeed) {
  }

  record DomesticAbuse(String dashRiskLevel, Boolean childrenPresent, Boolean childrenWitnessed,
      Boolean childrenSeenSafeAndWell, Boolean childrenSubjectToPlan, String schoolsAttended) {
  }

  record Consent(boolean parentAware, boolean consentGiven, String reasonNotSought, String lawfulBasis) {
  }
}
