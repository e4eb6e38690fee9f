package org.mashfrontdoor.triage.domain;

import org.mashfrontdoor.platform.codes.ReferralType;
import java.time.Instant;

/** One referral that brought a contact to the front door: who sent it and when. No personal data. */
public record Source(String referralId, String reference, ReferralType referralType, String agency,
    String organisation, Instant receivedAt) {
}
