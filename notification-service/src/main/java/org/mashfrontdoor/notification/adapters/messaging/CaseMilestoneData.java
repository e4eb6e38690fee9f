package org.mashfrontdoor.notification.adapters.messaging;

import java.time.Instant;

/**
 * The part of {@code case.icpc-held.v1}, {@code case.assessment-completed.v1} and {@code case.early-help-started.v1}
 * the pathway KPIs read: when it happened (each type names that instant differently), its deadline and whether it
 * was met.
 */
public record CaseMilestoneData(String caseId, String referralId, Instant heldAt, Instant completedAt,
    Instant startedAt, Instant dueBy, Boolean onTime) {

  public static final String ICPC_HELD_TYPE = "case.icpc-held.v1";
  public static final String ASSESSMENT_COMPLETED_TYPE = "case.assessment-completed.v1";
  public static final String EARLY_HELP_STARTED_TYPE = "case.early-help-started.v1";

  public Instant at() {
    return heldAt != null ? heldAt : completedAt != null ? completedAt : startedAt;
  }
}
