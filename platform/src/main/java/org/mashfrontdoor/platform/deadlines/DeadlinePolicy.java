package org.mashfrontdoor.platform.deadlines;

import java.time.Instant;

/**
 * How a statutory or local clock sets a deadline from the instant it starts. What was used is stored with every
 * deadline ({@link AppliedPolicy}), so a later change of policy, or of the bank-holiday calendar, never silently
 * re-times old deadlines or mixes figures measured by different clocks.
 *
 * <p>Plain Java: services' domains use the policies directly.
 */
public interface DeadlinePolicy {

  String id();

  int version();

  /** The working-day calendar's region and version, or null for a policy in elapsed or calendar time. */
  String calendarVersion();

  Instant dueBy(Instant start);

  default AppliedPolicy applied() {
    return new AppliedPolicy(id(), version(), calendarVersion());
  }
}
