package org.mashfrontdoor.cases.domain;

import org.mashfrontdoor.platform.audit.ReadPurpose;
import java.time.Instant;
import java.util.Objects;

/**
 * One practitioner's read of a case, as the read audit keeps it: who (id and role), what (the case and its
 * referral), when, and why (the purpose they stated). Ids only: nothing about the child.
 */
public record CaseRead(String staffId, Role role, String caseId, String referralId, Instant at, String purpose) {

  public static final int MIN_PURPOSE_LENGTH = ReadPurpose.MIN_LENGTH;
  public static final int MAX_PURPOSE_LENGTH = ReadPurpose.MAX_LENGTH;

  public CaseRead {
    Objects.requireNonNull(staffId, "staffId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(referralId, "referralId");
    Objects.requireNonNull(at, "at");
    if (!isPurpose(purpose)) {
      throw new IllegalArgumentException("purpose is " + MIN_PURPOSE_LENGTH + " to " + MAX_PURPOSE_LENGTH
          + " characters of text");
    }
    purpose = purpose.strip();
  }

  /** A stated reason, e.g. "Section 47 enquiry": bounded free text on one line. */
  public static boolean isPurpose(String purpose) {
    return ReadPurpose.isValid(purpose);
  }
}
