package org.mashfrontdoor.cases.domain;

import java.time.Instant;
import java.util.Objects;

/** A completed single assessment. */
public record Assessment(Instant completedAt, AssessmentOutcome outcome, String recordedBy) {

  public Assessment {
    Objects.requireNonNull(completedAt, "completedAt");
    Objects.requireNonNull(outcome, "outcome");
  }
}
