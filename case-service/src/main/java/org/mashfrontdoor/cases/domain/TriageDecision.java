package org.mashfrontdoor.cases.domain;

import org.mashfrontdoor.platform.codes.MashOutcome;
import java.time.Instant;
import java.util.Objects;

/**
 * A front-door decision as the case side needs it. {@code decisionId} identifies this one recorded decision
 * (the id of the event that announced it), so the case it opens can be identified by it too. {@code receivedAt}
 * is the referral's receipt, from which the 45 working days of a single assessment run.
 */
public record TriageDecision(String decisionId, String contactId, String referralId, MashOutcome outcome,
    int levelOfNeed, String rationale, Instant receivedAt, Instant decidedAt) {

  public TriageDecision {
    requireText(decisionId, "decisionId");
    requireText(referralId, "referralId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(decidedAt, "decidedAt");
    if (levelOfNeed < 1 || levelOfNeed > 4) {
      throw new IllegalArgumentException("levelOfNeed must be 1 to 4");
    }
    if (decidedAt.isBefore(receivedAt)) {
      throw new IllegalArgumentException("a decision comes after the referral it decides");
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }
}
