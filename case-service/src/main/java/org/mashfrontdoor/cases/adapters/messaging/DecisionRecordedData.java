package org.mashfrontdoor.cases.adapters.messaging;

/** What case-service reads of {@code triage.decision-recorded.v1} (tolerant reader: other fields are ignored). */
public record DecisionRecordedData(String contactId, String referralId, String outcome, Integer levelOfNeed) {

  public static final String TYPE = "triage.decision-recorded.v1";
}
