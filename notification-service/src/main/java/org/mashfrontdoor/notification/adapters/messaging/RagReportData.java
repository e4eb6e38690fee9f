package org.mashfrontdoor.notification.adapters.messaging;

import java.time.Instant;

/** The part of {@code triage.rag-report.v1} this service reads: that a report time has come. */
public record RagReportData(String reportId, Instant slotAt) {

  public static final String TYPE = "triage.rag-report.v1";
}
