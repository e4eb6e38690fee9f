package org.mashfrontdoor.triage.adapters.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Tolerant reader of {@code referral.received.v1}: only the fields triage needs. Children's names and the concern
 * summary are not read: triage keeps no personal data it does not need to prioritise.
 */
record ReferralReceivedV1(String referralId, String reference, String referralType, Instant receivedAt,
    Instant decisionDueBy, DeadlinePolicy deadlinePolicy, Referrer referrer, List<Child> children, Concern concern,
    String dashRiskLevel, boolean reReferral, List<String> linkedReferralIds) {

  static final String TYPE = "referral.received.v1";

  /** The policy intake set {@code decisionDueBy} by; read loosely, checked when the event is taken in. */
  record DeadlinePolicy(String id, Integer version, String calendarVersion) {
  }

  record Referrer(String agency, String organisation) {
  }

  record Child(LocalDate dateOfBirth, boolean onChildProtectionPlan) {
  }

  record Concern(boolean immediateRisk) {
  }
}
