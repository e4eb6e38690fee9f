package org.mashfrontdoor.triage.domain;

/**
 * Why a contact is screened first. This is the one urgency rule of the system: triage applies it, publishes the
 * reasons on {@code triage.contact-opened.v1}, and notification-service alerts on them.
 */
public enum UrgencyReason {
  /** The referrer said the child is at immediate risk of harm. */
  IMMEDIATE_RISK,
  /** A police notification with a high DASH risk level. */
  HIGH_RISK_DOMESTIC_ABUSE,
  /** A child under one on the day of receipt. */
  CHILD_UNDER_ONE,
  /** A child already on a child protection plan. */
  CHILD_ON_PLAN,
  /** A referral within twelve months of an earlier one about the same child. */
  RE_REFERRAL
}
