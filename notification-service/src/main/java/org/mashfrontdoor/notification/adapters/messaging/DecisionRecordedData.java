package org.mashfrontdoor.notification.adapters.messaging;

import java.time.Instant;

/** The part of {@code triage.decision-recorded.v1} this service reads (the times for the KPIs). */
public record DecisionRecordedData(String contactId, String referralId, String reference, String outcome,
    Instant receivedAt, Instant decidedAt, Instant decisionDueBy) {

  public static final String TYPE = "triage.decision-recorded.v1";
}
