package org.mashfrontdoor.triage.domain;

/** Which front-door triage a contact waits in. Both run under the same decision clock. */
public enum Lane {
  /** The MASH front door. */
  MASH,
  /** The daily domestic-abuse triage of standard and medium risk police notifications. */
  DOMESTIC_ABUSE
}
