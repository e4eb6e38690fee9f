package org.mashfrontdoor.triage.domain;

/** A workflow step that the contact's state does not allow now (e.g. sign-off before a recommendation). */
public class StepOutOfOrder extends RuntimeException {

  private final String referralId;

  public StepOutOfOrder(String referralId, String why) {
    super(why);
    this.referralId = referralId;
  }

  public String referralId() {
    return referralId;
  }
}
