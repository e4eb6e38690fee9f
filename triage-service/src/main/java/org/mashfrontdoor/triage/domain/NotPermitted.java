package org.mashfrontdoor.triage.domain;

/** The member of staff's role does not allow this step. */
public class NotPermitted extends RuntimeException {

  public NotPermitted(Staff staff, String step) {
    super("Role " + staff.role() + " may not " + step);
  }
}
