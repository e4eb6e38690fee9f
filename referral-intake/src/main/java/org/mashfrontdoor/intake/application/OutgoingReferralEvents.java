package org.mashfrontdoor.intake.application;

import org.mashfrontdoor.intake.domain.Referral;
import org.mashfrontdoor.platform.events.EventEnvelope;

/**
 * The events a referral's write carries into the outbox (ADR 0003). The store writes them with the referral; their
 * wire form is the messaging adapter's ({@code ReferralReceivedV1}), so neither adapter knows the other.
 */
@FunctionalInterface
public interface OutgoingReferralEvents {

  EventEnvelope received(Referral referral);
}
