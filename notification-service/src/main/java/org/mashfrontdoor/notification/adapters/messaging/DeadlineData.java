package org.mashfrontdoor.notification.adapters.messaging;

import java.time.Instant;

/** The part of {@code triage.deadline-approaching.v1} and {@code triage.deadline-breached.v1} this service reads. */
public record DeadlineData(String referralId, String reference, Instant decisionDueBy, String rag) {

  public static final String APPROACHING_TYPE = "triage.deadline-approaching.v1";
  public static final String BREACHED_TYPE = "triage.deadline-breached.v1";
}
