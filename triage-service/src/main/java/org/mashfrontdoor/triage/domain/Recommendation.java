package org.mashfrontdoor.triage.domain;

import org.mashfrontdoor.platform.codes.MashOutcome;
import java.time.Instant;
import java.util.Objects;

/**
 * A social worker's recommended outcome, awaiting a manager's sign-off; {@code adviceToReferrer} is the advice the
 * social worker proposes for the referrer, if any (the manager's decision carries the advice actually given).
 */
public record Recommendation(MashOutcome outcome, int levelOfNeed, String rationale, String adviceToReferrer,
    Instant recommendedAt, String recommendedBy) {

  public Recommendation {
    Objects.requireNonNull(outcome, "outcome");
    TriageDecision.requireLevelAndRationale(levelOfNeed, rationale);
    TriageDecision.requireAdviceShape(adviceToReferrer);
  }
}
