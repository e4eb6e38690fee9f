package org.mashfrontdoor.triage.domain;

/** Every contact is decided once; a change of mind is a different, later action. */
public class ContactAlreadyDecided extends StepOutOfOrder {

  public ContactAlreadyDecided(String referralId) {
    super(referralId, "The contact for referral " + referralId + " has a decision already; it is not changed.");
  }
}
