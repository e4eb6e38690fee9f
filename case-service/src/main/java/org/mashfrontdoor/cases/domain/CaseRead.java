package org.mashfrontdoor.cases.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One practitioner's read of a case, as the read audit keeps it: who (id and role), what (the case and its
 * referral), when, and why (the purpose they stated). Ids only: nothing about the child.
 */
public record CaseRead(String staffId, Role role, String caseId, String referralId, Instant at, String purpose) {

  public static final int MIN_PURPOSE_LENGTH = 3;
  public static final int MAX_PURPOSE_LENGTH = 200;

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
    if (purpose == null) {
      return false;
    }
    String stripped = purpose.strip();
    return stripped.length() >= MIN_PURPOSE_LENGTH && stripped.length() <= MAX_PURPOSE_LENGTH
        && stripped.codePoints().noneMatch(Character::isISOControl);
  }
}
