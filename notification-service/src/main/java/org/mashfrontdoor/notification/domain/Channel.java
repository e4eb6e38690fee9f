package org.mashfrontdoor.notification.domain;

/** How an alert reaches a person besides the live in-app stream (which every alert reaches). */
public enum Channel {
  EMAIL,
  /** SMS through GOV.UK Notify, for on-call staff. */
  SMS
}
