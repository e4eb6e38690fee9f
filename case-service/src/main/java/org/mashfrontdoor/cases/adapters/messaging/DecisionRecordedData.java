package org.mashfrontdoor.cases.adapters.messaging;

import java.time.Instant;

/** What case-service reads of {@code triage.decision-recorded.v1} (tolerant reader: other fields are ignored). */
public record DecisionRecordedData(String contactId, String referralId, String outcome, Integer levelOfNeed,
    String rationale, Instant receivedAt, Instant decidedAt) {

  public static final String TYPE = "triage.decision-recorded.v1";
}
