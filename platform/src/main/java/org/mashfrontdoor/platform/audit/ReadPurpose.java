package org.mashfrontdoor.platform.audit;

import java.nio.charset.StandardCharsets;

/**
 * Why a member of staff reads a child's record, as every read audit keeps it (triage's contacts, case-service's
 * cases): bounded free text on one line, e.g. "MASH screening" or "Section 47 enquiry", and well-formed Unicode
 * (the audit ledger hashes it as UTF-8: {@link AuditChain}). Plain Java, part of the platform's shared kernel, so
 * each service's domain states the rule the same way.
 */
public final class ReadPurpose {

  public static final int MIN_LENGTH = 3;
  public static final int MAX_LENGTH = 200;

  private ReadPurpose() {
  }

  public static boolean isValid(String purpose) {
    if (purpose == null) {
      return false;
    }
    String stripped = purpose.strip();
    return stripped.length() >= MIN_LENGTH && stripped.length() <= MAX_LENGTH
        && stripped.codePoints().noneMatch(Character::isISOControl)
        && StandardCharsets.UTF_8.newEncoder().canEncode(stripped);
  }
}
