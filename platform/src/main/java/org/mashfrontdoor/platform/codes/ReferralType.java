package org.mashfrontdoor.platform.codes;

/**
 * What kind of contact a partner sends, kept apart so contacts, consultations and referrals are never mixed: one
 * list for intake, triage and the KPIs (docs/asyncapi.yaml, {@code ReferralType}).
 */
public enum ReferralType {
  /** A Multi-Agency Referral Form. */
  MARF,
  /** A police domestic-abuse or public-protection notification, with a DASH risk level. */
  POLICE_NOTIFICATION,
  /** A professional asking for advice about a child. */
  CONSULTATION
}
