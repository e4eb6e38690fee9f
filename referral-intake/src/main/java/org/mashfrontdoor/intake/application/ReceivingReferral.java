package org.mashfrontdoor.intake.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
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
 * <p>Once only, without transactions, in one write: the referral is inserted holding its idempotency key, and the
 * store keeps each key on one referral only (a unique index), so of concurrent duplicates one insert wins and the
 * others answer with it. A crash before that write leaves no referral and no key: the partner's retry makes it.
 * A replay therefore does the work of a new referral up to that write (a reference number is left unused; the child
 * keys it filed are taken back) so that a first request, by far the most common, costs one write fewer.
 */
public class ReceivingReferral {

  /** What the partner gets back: the referral, and whether this was a replay of an earlier request. */
  public record Receipt(Referral referral, boolean replayed) {
  }

  private final Referrals referrals;
  private final ReferenceNumbers referenceNumbers;
  private final ChildKeys childKeys;
  private final Clock clock;
  private final DeadlinePolicy decisionDeadline;
  private final Duration keyRetention;

  public ReceivingReferral(Referrals referrals, ReferenceNumbers referenceNumbers, ChildKeys childKeys, Clock clock,
      DeadlinePolicy decisionDeadline, Duration keyRetention) {
    this.referrals = referrals;
    this.referenceNumbers = referenceNumbers;
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
   * (a step-up: case-service names the new referral). The referral holds the key, so a replay finds it.
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
      String referralId) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as stored, so a replay answers identically
    Referral referral = newReferral(referralId, partner, form, now);
    Optional<Referrals.Held> held = referrals.add(referral,
        new IdempotencyKey(partner.id(), idempotencyKey, fingerprint, now.plus(keyRetention)));
    if (held.isEmpty()) {
      return new Receipt(referral, false);
    }
    if (held.get().fingerprint() != null && !held.get().fingerprint().equals(fingerprint)) {
      throw new IdempotencyKeyReused();
    }
    return new Receipt(held.get().referral(), true);
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
