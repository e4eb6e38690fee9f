package org.mashfrontdoor.platform.audit;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What every read-audit entry in a ledger says, in fields named once for all services: who read ({@code staffId},
 * {@code role}), when ({@code at}, an ISO-8601 instant) and why ({@code purpose}). Each service adds what was read
 * (a contact, a case); the report of who viewed a child merges the services' entries by these names.
 */
public record AuditedRead(String staffId, String role, Instant at, String purpose) {

  public static final String STAFF_ID = "staffId";
  public static final String ROLE = "role";
  public static final String AT = "at";
  public static final String PURPOSE = "purpose";

  /** The fields of the entry: who, when and why, and {@code whatWasRead}. */
  public Map<String, Object> withWhatWasRead(Map<String, ?> whatWasRead) {
    Map<String, Object> fields = new HashMap<>(whatWasRead);
    fields.put(STAFF_ID, staffId);
    fields.put(ROLE, role);
    fields.put(AT, at.toString());
    fields.put(PURPOSE, purpose);
    return fields;
  }

  /** Who, when and why, as an entry written by {@link #withWhatWasRead} holds them. */
  public static AuditedRead of(ChainedEntry entry) {
    return new AuditedRead(entry.text(STAFF_ID), entry.text(ROLE), Instant.parse(entry.text(AT)),
        entry.text(PURPOSE));
  }
}
