package org.mashfrontdoor.cases.domain;

import java.time.Instant;
import java.util.Objects;

/** The child seen by a social worker. */
public record Visit(Instant seenAt, String recordedBy) {

  public Visit {
    Objects.requireNonNull(seenAt, "seenAt");
  }
}
