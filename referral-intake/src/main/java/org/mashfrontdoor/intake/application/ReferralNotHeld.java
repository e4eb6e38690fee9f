package org.mashfrontdoor.intake.application;

/** An event names a referral this intake does not hold, and cannot be handled without it (never retried). */
public class ReferralNotHeld extends IllegalArgumentException {
  public ReferralNotHeld(String message) {
    super(message);
  }
}
