package org.mashfrontdoor.triage.domain;

/** Every contact is decided once; a change of mind is a different, later action. */
public class ContactAlreadyDecided extends RuntimeException {

  private final String referralId;

  public ContactAlreadyDecided(String referralId) {
    super("Contact " + referralId + " is already decided");
    this.referralId = referralId;
  }

  public String referralId() {
    return referralId;
  }
}
