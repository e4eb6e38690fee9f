package org.mashfrontdoor.intake.domain;

import org.mashfrontdoor.platform.codes.MashOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a partner's webhook is told about one line of its referral's timeline. Ids, reference, milestone and
 * outcome, and on the decision's line the advice the MASH gave the referrer ({@code adviceToReferrer}, written for
 * it): never the children, the household or the concern.
 *
 * <p>The delivery id is derived from partner, referral and milestone, so noticing the same change twice records
 * one delivery, and a receiver can de-duplicate by it.
 */
public record StatusNotification(String deliveryId, String partnerId, String referralId, String reference,
    ReferralStatus status, Milestone milestone, Instant at, MashOutcome outcome, String pathway,
    String adviceToReferrer) {

  /** One notification per line of the referral's timeline, for its partner. */
  public static List<StatusNotification> of(Referral referral) {
    return referral.timeline().stream().map(change -> new StatusNotification(
        deliveryId(referral.partnerId(), referral.referralId(), change.milestone()), referral.partnerId(),
        referral.referralId(), referral.reference(), referral.status(), change.milestone(), change.at(),
        change.outcome() == null ? referral.outcome() : change.outcome(), change.pathway(),
        change.milestone() == Milestone.DECIDED ? referral.adviceToReferrer() : null)).toList();
  }

  static String deliveryId(String partnerId, String referralId, Milestone milestone) {
    return UUID.nameUUIDFromBytes(("webhook|" + partnerId + "|" + referralId + "|" + milestone.name())
        .getBytes(StandardCharsets.UTF_8)).toString();
  }
}
