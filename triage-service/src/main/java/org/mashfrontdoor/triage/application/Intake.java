package org.mashfrontdoor.triage.application;

import java.util.List;
import org.mashfrontdoor.triage.domain.Staff;

/**
 * referral-intake, where every contact enters (a partner's MARF or one recorded by MASH staff from a phone call or
 * an email): it checks the form against its published schema and rules, gives the reference and starts the clock.
 * The contact then reaches triage's queue like any other, through {@code referral.received.v1}.
 */
public interface Intake {

  /** Intake's reference for the contact, e.g. {@code MARF-2026-000123}, and its referral id. */
  record Received(String referralId, String reference) {
  }

  /**
   * The concern categories a contact may name, as intake publishes them (its MARF schema); empty if intake cannot
   * say just now (the form then takes the category as typed, and intake checks it).
   */
  List<String> concernCategories();

  /** Submits the contact as {@code staff}; the same {@code submissionId} twice is one contact. */
  Received submit(PhoneContact contact, String submissionId, Staff staff);

  /** One thing intake found wrong with the contact: where (a JSON Pointer into the MARF) and what. */
  record Problem(String pointer, String detail) {
  }

  /** Intake refused the contact as it stands: each problem names a field. */
  class Refused extends RuntimeException {
    private final List<Problem> problems;

    public Refused(List<Problem> problems) {
      super(problems.size() + " problems");
      this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
      return problems;
    }
  }

  /** Intake could not take the contact now (down, slow, or not taking contacts from this member of staff). */
  class NotTaken extends RuntimeException {
    public NotTaken(String why) {
      super(why);
    }
  }
}
