package org.mashfrontdoor.triage.domain;

import java.time.Instant;

/**
 * The clock a contact's decision deadline is set by. What it was is stored on each contact
 * ({@link AppliedDeadlinePolicy}) so that a later change of policy, or of the bank-holiday calendar, never
 * silently re-times old contacts or mixes figures measured by different clocks.
 */
public interface DeadlinePolicy {

  String id();

  int version();

  /** The version of the working-day calendar used, or null for a policy in elapsed time. */
  String calendarVersion();

  Instant decisionDueBy(Instant receivedAt);

  default AppliedDeadlinePolicy applied() {
    return new AppliedDeadlinePolicy(id(), version(), calendarVersion());
  }
}
