package org.mashfrontdoor.notification.domain.kpi;

import org.mashfrontdoor.platform.codes.MashOutcome;
import org.mashfrontdoor.platform.codes.ReferralType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.mashfrontdoor.platform.deadlines.DeadlinePolicy;
import org.mashfrontdoor.platform.time.WorkingDayCalendar;

/**
 * One MASH contact as the scorecard counts it, kept from triage's events: where it came from, its lane, whether it
 * was a re-referral, its decision deadline and, once decided, when and how. A contact belongs to the month it was
 * received in (Europe/London). Fields the opening event brings may be null if only the decision was seen.
 *
 * @param source intake's agency code of the referral that opened the contact (the CIN-census contact source)
 * @param referralType {@code MARF}, {@code POLICE_NOTIFICATION} or {@code CONSULTATION}
 * @param lane {@code MASH} or {@code DOMESTIC_ABUSE}, at opening
 */
public record CountedContact(String contactId, String source, String referralType, String lane, boolean reReferral,
    Instant receivedAt, Instant decisionDueBy, Instant decidedAt, MashOutcome outcome) {

  public static final String UNKNOWN_SOURCE = "UNKNOWN";

  public CountedContact {
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(decisionDueBy, "decisionDueBy");
    source = source == null ? UNKNOWN_SOURCE : source;
  }

  public boolean decided() {
    return decidedAt != null && outcome != null;
  }

  /**
   * Progressed to a referral, as the scorecard counts contacts "progressed to referral": a single assessment or a
   * strategy discussion (early help, advice and no further action stay contacts).
   */
  public boolean referral() {
    return decided()
        && (outcome == MashOutcome.SINGLE_ASSESSMENT || outcome == MashOutcome.STRATEGY_DISCUSSION);
  }

  public boolean policeNotification() {
    return ReferralType.POLICE_NOTIFICATION.name().equals(referralType);
  }

  /** Within the decision deadline set at receipt; empty while still open and inside it (not counted yet). */
  public Optional<Boolean> decidedInTime(Instant now) {
    return decidedBy(decisionDueBy, now);
  }

  /**
   * The older measure: decided by the end of the next working day after receipt. Empty while open and inside
   * it, or when the receipt lies outside the calendar's years (no honest answer then).
   */
  public Optional<Boolean> decidedWithinOneDay(DeadlinePolicy endOfNextWorkingDay, Instant now) {
    try {
      return decidedBy(endOfNextWorkingDay.dueBy(receivedAt), now);
    } catch (WorkingDayCalendar.OutsideCalendar outside) {
      return Optional.empty();
    }
  }

  private Optional<Boolean> decidedBy(Instant due, Instant now) {
    if (decided()) {
      return Optional.of(!decidedAt.isAfter(due));
    }
    return now.isAfter(due) ? Optional.of(false) : Optional.empty();
  }
}
