package org.mashfrontdoor.intake.domain;

import org.mashfrontdoor.platform.codes.Agency;
/** What kind of contact a partner sends. Kept apart so contacts, consultations and referrals are never mixed. */
public enum ReferralType {
  /** A Multi-Agency Referral Form. */
  MARF,
  /** A police domestic-abuse or public-protection notification, with a DASH risk level. */
  POLICE_NOTIFICATION,
  /** A professional asking for advice about a child. */
  CONSULTATION
}
