package org.mashfrontdoor.platform.deadlines;

import java.util.Objects;

/** The policy (and calendar) a deadline was computed by, as stored with the deadline. */
public record AppliedPolicy(String id, int version, String calendarVersion) {

  public AppliedPolicy {
    Objects.requireNonNull(id, "id");
    if (version < 1) {
      throw new IllegalArgumentException("policy versions start at 1");
    }
  }
}
