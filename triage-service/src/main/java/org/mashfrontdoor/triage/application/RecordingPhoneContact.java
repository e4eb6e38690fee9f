package org.mashfrontdoor.triage.application;

import org.mashfrontdoor.triage.domain.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MASH staff record a contact that came by phone or email. It goes to intake like a partner's MARF, so there is one
 * front door, one set of checks and one clock; its contact appears on the queue when intake announces it.
 */
public class RecordingPhoneContact {

  private static final Logger log = LoggerFactory.getLogger(RecordingPhoneContact.class);

  private final Intake intake;

  public RecordingPhoneContact(Intake intake) {
    this.intake = intake;
  }

  /** The concern categories to choose from (intake's); empty if intake cannot say just now. */
  public java.util.List<String> concernCategories() {
    return intake.concernCategories();
  }

  /**
   * @throws Intake.Refused if intake found fields wrong (each named)
   * @throws Intake.NotTaken if intake could not take it now
   */
  public Intake.Received record(PhoneContact contact, String submissionId, Staff staff) {
    Intake.Received received = intake.submit(contact, submissionId, staff);
    log.info("Recorded a {} contact as referral {} by {}", contact.channel(), received.referralId(), staff.id());
    return received;
  }
}
