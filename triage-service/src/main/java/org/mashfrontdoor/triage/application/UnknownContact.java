package org.mashfrontdoor.triage.application;

/** No contact has been opened for this referral (yet: it may still be on its way from intake). */
public class UnknownContact extends RuntimeException {

  private final String referralId;

  public UnknownContact(String referralId) {
    super("No contact for referral " + referralId);
    this.referralId = referralId;
  }

  public String referralId() {
    return referralId;
  }
}
