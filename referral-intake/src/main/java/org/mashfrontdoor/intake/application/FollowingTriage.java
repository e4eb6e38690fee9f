package org.mashfrontdoor.intake.application;

import org.mashfrontdoor.platform.codes.MashOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.mashfrontdoor.intake.application.Referrals.Change;
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

  public static Change contactOpened(String referralId, String eventId, Instant at) {
    return new Change(referralId, eventId, referral -> referral.inTriage(at));
  }

  /** {@code adviceToReferrer}: what the MASH tells the referrer to do, or null when it gave none. */
  public static Change decisionRecorded(String referralId, String eventId, MashOutcome outcome,
      String adviceToReferrer, Instant at) {
    return new Change(referralId, eventId, referral -> referral.decided(outcome, adviceToReferrer, at));
  }

  public static Change caseOpened(String referralId, String eventId, String pathway, Instant at) {
    return new Change(referralId, eventId, referral -> referral.caseOpened(pathway, at));
  }

  /** A later step of the case, e.g. a strategy discussion held or the case closed. */
  public static Change caseMilestone(String referralId, String eventId, Milestone milestone, Instant at) {
    return new Change(referralId, eventId, referral -> referral.caseMilestone(milestone, at));
  }

  /** Applies one event's change; false when this intake does not hold the referral. */
  public boolean follow(Change change) {
    return followAll(List.of(change)).getFirst();
  }

  /**
   * Applies the changes of a poll of events together, in order, each once ({@link Referrals#updateAll}); answers for
   * each whether this intake holds its referral.
   */
  public List<Boolean> followAll(List<Change> changes) {
    return referrals.updateAll(changes.stream().map(change -> new Change(change.referralId(),
        change.causedByEventId(), touched(change.change()))).toList());
  }

  private UnaryOperator<Referral> touched(UnaryOperator<Referral> change) {
    return referral -> {
      Referral changed = change.apply(referral);
      return changed == referral ? referral : changed.touched(clock.instant());
    };
  }
}
