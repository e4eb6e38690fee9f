package org.mashfrontdoor.notification.domain;

/** Why MASH staff are being told about a referral. The names are stable: staff tooling filters on them. */
public enum AlertType {
  /** The referrer said the child is at immediate risk of harm. */
  IMMEDIATE_RISK,
  /** A police notification with a high DASH risk level. */
  HIGH_RISK_DOMESTIC_ABUSE,
  /** A manager recorded the front-door decision for the contact. */
  DECISION_RECORDED,
  /** The 24-hour decision deadline is near. */
  DEADLINE_APPROACHING,
  /** The 24-hour decision deadline passed without a decision. */
  DEADLINE_BREACHED,
  /** A case's statutory deadline (child seen, assessment, ICPC, early help start) is near. */
  CASE_DEADLINE_APPROACHING,
  /** A case's statutory deadline passed. */
  CASE_DEADLINE_BREACHED
}
