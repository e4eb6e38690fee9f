package org.mashfrontdoor.notification.adapters.messaging;

import java.time.Instant;

/** The part of {@code case.deadline-approaching.v1} and {@code case.deadline-breached.v1} this service reads. */
public record CaseDeadlineData(String caseId, String referralId, String kind, Instant dueBy) {

  public static final String APPROACHING_TYPE = "case.deadline-approaching.v1";
  public static final String BREACHED_TYPE = "case.deadline-breached.v1";
}
