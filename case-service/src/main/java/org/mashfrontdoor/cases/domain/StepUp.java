package org.mashfrontdoor.cases.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Needs escalated while in early help: the child goes back through the front door as a new referral
 * ({@code newReferralId}, allocated here so the step-up and the referral it makes are one and the same).
 */
public record StepUp(String reason, String newReferralId, Instant steppedUpAt, String steppedUpBy) {

  public StepUp {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(newReferralId, "newReferralId");
    Objects.requireNonNull(steppedUpAt, "steppedUpAt");
  }
}
