package org.mashfrontdoor.triage.application;

import java.util.List;
import java.util.Optional;
import org.mashfrontdoor.triage.domain.ReferralDetails;

/**
 * What each referral told the MASH, kept as intake sent it (ADR 0012), one entry per referral. Only two use cases
 * touch it: {@link OpeningContact} keeps a referral's details before its contact is opened, and
 * {@link ViewingContacts} reads them only after the read is in the read audit (an architecture test holds this).
 */
public interface Referrals {

  /** Keeps the details the first time a referral is received; a redelivery changes nothing. */
  default void keep(ReferralDetails details) {
    keepAll(List.of(details));
  }

  /** {@link #keep} for many, in one write. */
  void keepAll(List<ReferralDetails> details);

  /** The details of {@code referralId}; empty for a referral received before triage kept them. */
  Optional<ReferralDetails> details(String referralId);
}
