package org.mashfrontdoor.cases.domain;

import java.time.Instant;
import java.util.Objects;

/** The conclusion of a Section 47 enquiry. */
public record Section47Enquiry(Instant concludedAt, Section47Outcome outcome, String recordedBy) {

  public Section47Enquiry {
    Objects.requireNonNull(concludedAt, "concludedAt");
    Objects.requireNonNull(outcome, "outcome");
  }
}
