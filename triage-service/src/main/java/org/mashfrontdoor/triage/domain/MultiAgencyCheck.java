package org.mashfrontdoor.triage.domain;

import java.time.Instant;
import java.util.Objects;

/** A check with a partner agency: when it was asked and (once it has) answered, and who recorded it. */
public record MultiAgencyCheck(Agency agency, Instant requestedAt, Instant returnedAt, Instant recordedAt,
    String recordedBy) {

  public MultiAgencyCheck {
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(requestedAt, "requestedAt");
    if (returnedAt != null && returnedAt.isBefore(requestedAt)) {
      throw new IllegalArgumentException("a check cannot be returned before it was requested");
    }
  }
}
