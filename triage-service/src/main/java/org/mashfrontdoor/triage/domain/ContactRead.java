package org.mashfrontdoor.triage.domain;

import org.mashfrontdoor.platform.audit.ReadPurpose;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One member of staff's read of a contact, as the read audit keeps it: who (staff id and role), what (the contact
 * and the referral ids it held; {@code requestedAs} is the referral id the reader asked by), when, and why (the
 * purpose the reader stated). Ids only: no child's name or concern is ever part of it.
 */
public record ContactRead(String staffId, Role role, String contactId, String requestedAs, List<String> referralIds,
    Instant at, String purpose) {

  public static final int MIN_PURPOSE_LENGTH = ReadPurpose.MIN_LENGTH;
  public static final int MAX_PURPOSE_LENGTH = ReadPurpose.MAX_LENGTH;

  public ContactRead {
    Objects.requireNonNull(staffId, "staffId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(requestedAs, "requestedAs");
    Objects.requireNonNull(at, "at");
    referralIds = List.copyOf(referralIds);
    if (!isPurpose(purpose)) {
      throw new IllegalArgumentException("purpose is " + MIN_PURPOSE_LENGTH + " to " + MAX_PURPOSE_LENGTH
          + " characters of text");
    }
    purpose = purpose.strip();
  }

  public static ContactRead of(Staff reader, Contact contact, String requestedAs, Instant at, String purpose) {
    return new ContactRead(reader.id(), reader.role(), contact.contactId(), requestedAs, contact.referralIds(), at,
        purpose);
  }

  /** A stated reason, e.g. "MASH screening": bounded free text on one line. */
  public static boolean isPurpose(String purpose) {
    return ReadPurpose.isValid(purpose);
  }
}
