package org.mashfrontdoor.intake.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.mashfrontdoor.intake.domain.ChildIdentity;
import org.mashfrontdoor.intake.domain.ChildKeys;
import org.mashfrontdoor.intake.domain.Links;
import org.mashfrontdoor.intake.domain.NewReferral;
import org.mashfrontdoor.intake.domain.Partner;
import org.mashfrontdoor.intake.domain.ReferenceNumber;
import org.mashfrontdoor.intake.domain.Referral;
import org.mashfrontdoor.platform.deadlines.DeadlinePolicy;
import org.mashfrontdoor.platform.ids.TimeOrderedIds;

/**
 * A partner's referral arrives: exactly once per idempotency key, give it an id and a reference, link it to
 * earlier referrals about the same children, start its decision clock, keep it with its event.
 *
 * <p>Once only, without transactions: the key is claimed first (a unique insert that also reserves the referral
 * id), then the referral is inserted under that reserved id (a unique insert again). Concurrent duplicates all
 * get the same reserved id and only one referral insert wins; a claim left behind by a crash before the referral
 * was written is completed by the partner's retry.
 */
public class ReceivingReferral {

  /** What the partner gets back: the referral, and whether this was a replay of an earlier request. */
  public record Receipt(Referral referral, boolean replayed) {
  }

  private final Referrals referrals;
  private final ReferenceNumbers referenceNumbers;
  private final IdempotencyKeys idempotencyKeys;
  private final ChildKeys childKeys;
  private final Clock clock;
  private final DeadlinePolicy decisionDeadline;
  private final Duration keyRetention;

  public ReceivingReferral(Referrals referrals, ReferenceNumbers referenceNumbers, IdempotencyKeys idempotencyKeys,
      ChildKeys childKeys, Clock clock, DeadlinePolicy decisionDeadline, Duration keyRetention) {
    this.referrals = referrals;
    this.referenceNumbers = referenceNumbers;
    this.idempotencyKeys = idempotencyKeys;
    this.childKeys = childKeys;
    this.clock = clock;
    this.decisionDeadline = decisionDeadline;
    this.keyRetention = keyRetention;
  }

  /**
   * Returns only after the referral and its event are durably stored.
   *
   * @param fingerprint a digest of the submitted body, so a reused key with another body is refused
   * @throws IdempotencyKeyReused when {@code idempotencyKey} was used before with a different body
   */
  public Receipt receive(Partner partner, String idempotencyKey, String fingerprint, NewReferral form) {
    return receive(partner, idempotencyKey, fingerprint, form, TimeOrderedIds.next(clock));
  }

  /**
   * As {@link #receive(Partner, String, String, NewReferral)}, for a referral whose id was allocated elsewhere
   * (a step-up: case-service names the new referral). The id is reserved with the key, so a replay finds it.
   *
   * @throws IdempotencyKeyReused when {@code idempotencyKey} was used before with a different body or id
   */
  public Receipt receiveAs(String referralId, Partner partner, String idempotencyKey, String fingerprint,
      NewReferral form) {
    Receipt receipt = receive(partner, idempotencyKey, fingerprint, form, referralId);
    if (!receipt.referral().referralId().equals(referralId)) {
      throw new IdempotencyKeyReused();
    }
    return receipt;
  }

  private Receipt receive(Partner partner, String idempotencyKey, String fingerprint, NewReferral form,
      String proposedReferralId) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as stored, so a replay answers identically
    IdempotencyKeys.Claim claim = idempotencyKeys.claim(partner.id(), idempotencyKey, fingerprint,
        proposedReferralId, now, now.plus(keyRetention));
    if (!claim.fingerprint().equals(fingerprint)) {
      throw new IdempotencyKeyReused();
    }
    if (!claim.fresh()) {
      var existing = referrals.byId(claim.referralId());
      if (existing.isPresent()) {
        return new Receipt(existing.get(), true);
      }
      // Claimed by a request that crashed, or is still running, before its referral was written: finish it here.
    }
    Referral referral = newReferral(claim.referralId(), partner, form, now);
    if (referrals.add(referral)) {
      return new Receipt(referral, !claim.fresh());
    }
    // A concurrent duplicate wrote it first (its reference number wins; ours is left unused).
    return new Receipt(referrals.byId(claim.referralId()).orElseThrow(), true);
  }

  private Referral newReferral(String referralId, Partner partner, NewReferral form, Instant receivedAt) {
    int year = receivedAt.atZone(ZoneOffset.UTC).getYear();
    String reference = ReferenceNumber.format(year, referenceNumbers.next(year));
    List<ChildIdentity> children = childKeys.of(form.children());
    List<String> keys = ChildIdentity.keysOf(children);
    // One indexed lookup by key; the veto (different NHS numbers or UPNs) is applied to what it found.
    Links links = keys.isEmpty() ? Links.none()
        : Links.between(receivedAt, referrals.about(keys, Links.reReferralSince(receivedAt)).stream()
            .filter(e -> !e.referralId().equals(referralId) && e.isAbout(children)).toList());
    return Referral.received(referralId, reference, partner, form, receivedAt, decisionDeadline, links, children);
  }
}
