package org.mashfrontdoor.intake.application;

import org.mashfrontdoor.platform.codes.MashOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.mashfrontdoor.intake.domain.Milestone;
import org.mashfrontdoor.intake.domain.Referral;

/**
 * Keeps the referrer's view in step with the MASH and children's social care: in triage, decided, then a case
 * opened or a step-down to early help, and the case's later milestones. Each event applies once.
 */
public class FollowingTriage {

  private final Referrals referrals;
  private final Clock clock;

  public FollowingTriage(Referrals referrals, Clock clock) {
    this.referrals = referrals;
    this.clock = clock;
  }

  public boolean contactOpened(String referralId, String eventId, Instant at) {
    return apply(referralId, eventId, referral -> referral.inTriage(at));
  }

  /** {@code adviceToReferrer}: what the MASH tells the referrer to do, or null when it gave none. */
  public boolean decisionRecorded(String referralId, String eventId, MashOutcome outcome, String adviceToReferrer,
      Instant at) {
    return apply(referralId, eventId, referral -> referral.decided(outcome, adviceToReferrer, at));
  }

  public boolean caseOpened(String referralId, String eventId, String pathway, Instant at) {
    return apply(referralId, eventId, referral -> referral.caseOpened(pathway, at));
  }

  /** A later step of the case, e.g. a strategy discussion held or the case closed. */
  public boolean caseMilestone(String referralId, String eventId, Milestone milestone, Instant at) {
    return apply(referralId, eventId, referral -> referral.caseMilestone(milestone, at));
  }

  private boolean apply(String referralId, String eventId, UnaryOperator<Referral> change) {
    return referrals.update(referralId, eventId, referral -> {
      Referral changed = change.apply(referral);
      return changed == referral ? referral : changed.touched(clock.instant());
    });
  }
}
