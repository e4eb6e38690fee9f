package org.mashfrontdoor.intake.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.mashfrontdoor.intake.domain.NewReferral;
import org.mashfrontdoor.intake.domain.ReferenceNumber;
import org.mashfrontdoor.intake.domain.Referral;

/** A partner's referral arrives: give it an id and a reference, start its decision clock, keep it. */
public class ReceivingReferral {

  private final Referrals referrals;
  private final ReferenceNumbers referenceNumbers;
  private final Clock clock;
  private final Duration decisionDeadline;

  public ReceivingReferral(Referrals referrals, ReferenceNumbers referenceNumbers, Clock clock,
      Duration decisionDeadline) {
    this.referrals = referrals;
    this.referenceNumbers = referenceNumbers;
    this.clock = clock;
    this.decisionDeadline = decisionDeadline;
  }

  /** Returns only after the referral and its event are durably stored. */
  public Referral receive(NewReferral form) {
    Instant receivedAt = clock.instant();
    int year = receivedAt.atZone(ZoneOffset.UTC).getYear();
    String reference = ReferenceNumber.format(year, referenceNumbers.next(year));
    Referral referral = Referral.received(UUID.randomUUID().toString(), reference, form, receivedAt,
        receivedAt.plus(decisionDeadline));
    referrals.add(referral);
    return referral;
  }
}
