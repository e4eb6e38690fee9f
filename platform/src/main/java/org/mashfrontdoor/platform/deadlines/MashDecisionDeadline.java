package org.mashfrontdoor.platform.deadlines;

import java.time.Duration;
import org.mashfrontdoor.platform.time.WorkingDayCalendar;

/**
 * The one definition of the MASH decision deadline ("a social care manager will make a decision within 24 hours").
 * Intake applies it once, when a referral is received, and acknowledges the result to the referrer; the result
 * travels on {@code referral.received.v1} and triage enforces exactly that instant. So the deadline a referrer is
 * told and the one the front door works to can never differ, whatever the configuration of either service.
 */
public final class MashDecisionDeadline {

  /** {@code TRIAGE_DEADLINE_POLICY}: elapsed time (default). */
  public static final String ELAPSED = "ELAPSED";

  private MashDecisionDeadline() {
  }

  /**
   * @param policy  {@value #ELAPSED} (within {@code elapsed}, 24 hours by default) or
   *                {@value OneWorkingDay#ID} (same time on the next working day, England and Wales)
   * @param elapsed the elapsed allowance; shortened for demos
   */
  public static DeadlinePolicy configured(String policy, Duration elapsed) {
    return switch (policy) {
      case ELAPSED -> new ElapsedTime(elapsed);
      case OneWorkingDay.ID -> new OneWorkingDay(WorkingDayCalendar.englandAndWales());
      default -> throw new IllegalArgumentException(
          "the MASH decision deadline policy is " + ELAPSED + " or " + OneWorkingDay.ID + ", not " + policy);
    };
  }
}
