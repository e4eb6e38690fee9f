package org.mashfrontdoor.cases.domain;

import java.time.Instant;
import java.util.Objects;

/** The initial child protection conference, held. */
public record ChildProtectionConference(Instant heldAt, ConferenceOutcome outcome, String recordedBy) {

  public ChildProtectionConference {
    Objects.requireNonNull(heldAt, "heldAt");
    Objects.requireNonNull(outcome, "outcome");
  }
}
