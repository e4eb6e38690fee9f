package org.mashfrontdoor.cases.domain;

/** Why a case closed. */
public enum CloseReason {
  NO_FURTHER_ACTION,
  /** Stepped up from early help: the new referral carries the child on. */
  STEPPED_UP
}
