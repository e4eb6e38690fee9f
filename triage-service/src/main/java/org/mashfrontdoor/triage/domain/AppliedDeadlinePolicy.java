package org.mashfrontdoor.triage.domain;

import java.util.Objects;

/** The deadline policy (and calendar) a contact's deadline was computed by, as stored with the contact. */
public record AppliedDeadlinePolicy(String id, int version, String calendarVersion) {

  public AppliedDeadlinePolicy {
    Objects.requireNonNull(id, "id");
  }
}
