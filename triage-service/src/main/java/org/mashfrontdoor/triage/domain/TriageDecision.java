package org.mashfrontdoor.triage.domain;

import java.time.Instant;
import java.util.Objects;

/** A manager's decision (sign-off) on a contact, with the level of need (1 universal .. 4 statutory) and why. */
public record TriageDecision(Outcome outcome, int levelOfNeed, String rationale, Instant decidedAt, boolean onTime,
    String decidedBy) {

  public static final int MAX_RATIONALE_LENGTH = 4000;

  public TriageDecision {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(decidedAt, "decidedAt");
    requireLevelAndRationale(levelOfNeed, rationale);
  }

  static void requireLevelAndRationale(int levelOfNeed, String rationale) {
    if (levelOfNeed < 1 || levelOfNeed > 4) {
      throw new IllegalArgumentException("level of need is 1 to 4");
    }
    if (rationale == null || rationale.isBlank() || rationale.length() > MAX_RATIONALE_LENGTH) {
      throw new IllegalArgumentException("a decision needs a rationale of at most " + MAX_RATIONALE_LENGTH + " characters");
    }
  }
}
