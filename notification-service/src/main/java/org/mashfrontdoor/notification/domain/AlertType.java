package org.mashfrontdoor.notification.domain;

/** Why MASH staff are being told. The names are stable: staff tooling filters on them. */
public enum AlertType {
  /** Triage opened an urgent contact; the reasons (IMMEDIATE_RISK, HIGH_RISK_DOMESTIC_ABUSE, ...) are on the alert. */
  URGENT_CONTACT,
  /** A manager recorded the front-door decision for the contact. */
  DECISION_RECORDED,
  /** The 24-hour decision deadline is near. */
  DEADLINE_APPROACHING,
  /** The 24-hour decision deadline passed without a decision. */
  DEADLINE_BREACHED,
  /** A case's statutory deadline (child seen, assessment, ICPC, early help start) is near. */
  CASE_DEADLINE_APPROACHING,
  /** A case's statutory deadline passed. */
  CASE_DEADLINE_BREACHED,
  /** An urgent or breach alert nobody acknowledged in time, raised to the next audience. */
  ESCALATED,
  /** The thrice-daily RAG list of open contacts for the MASH team. */
  RAG_DIGEST
}
