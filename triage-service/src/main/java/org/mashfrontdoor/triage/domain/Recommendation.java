package org.mashfrontdoor.triage.domain;

import java.time.Instant;
import java.util.Objects;

/** A social worker's recommended outcome, awaiting a manager's sign-off. */
public record Recommendation(Outcome outcome, int levelOfNeed, String rationale, Instant recommendedAt,
    String recommendedBy) {

  public Recommendation {
    Objects.requireNonNull(outcome, "outcome");
    TriageDecision.requireLevelAndRationale(levelOfNeed, rationale);
  }
}
