package org.mashfrontdoor.notification.adapters.messaging;

/** The part of {@code triage.decision-recorded.v1} this service reads. */
public record DecisionRecordedData(String referralId, String reference, String outcome) {

  public static final String TYPE = "triage.decision-recorded.v1";
}
