package org.mashfrontdoor.cases.domain;

import java.util.Objects;

/**
 * A front-door decision as the case side needs it. {@code decisionId} identifies this one recorded decision
 * (the id of the event that announced it), so the case it opens can be identified by it too.
 */
public record TriageDecision(String decisionId, String contactId, String referralId, Outcome outcome,
    int levelOfNeed) {

  public TriageDecision {
    requireText(decisionId, "decisionId");
    requireText(referralId, "referralId");
    Objects.requireNonNull(outcome, "outcome");
    if (levelOfNeed < 1 || levelOfNeed > 4) {
      throw new IllegalArgumentException("levelOfNeed must be 1 to 4");
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }
}
