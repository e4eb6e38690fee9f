package org.mashfrontdoor.triage.domain;

import org.mashfrontdoor.platform.codes.MashOutcome;
import java.time.Instant;
import java.util.Objects;

/**
 * A manager's decision (sign-off) on a contact, with the level of need (1 universal .. 4 statutory) and why.
 * {@code adviceToReferrer} is what the referrer is told to do, shown in its feedback: required when the outcome
 * {@linkplain MashOutcome#closesAtTheFrontDoor() closes the contact at the front door} (checked when signing off, so
 * decisions recorded before it existed still read), optional otherwise.
 */
public record TriageDecision(MashOutcome outcome, int levelOfNeed, String rationale, String adviceToReferrer,
    Instant decidedAt, boolean onTime, String decidedBy) {

  public static final int MAX_RATIONALE_LENGTH = 4000;
  public static final int MAX_ADVICE_TO_REFERRER_LENGTH = 4000;

  public TriageDecision {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(decidedAt, "decidedAt");
    requireLevelAndRationale(levelOfNeed, rationale);
    requireAdviceShape(adviceToReferrer);
  }

  static void requireLevelAndRationale(int levelOfNeed, String rationale) {
    if (levelOfNeed < 1 || levelOfNeed > 4) {
      throw new IllegalArgumentException("level of need is 1 to 4");
    }
    if (rationale == null || rationale.isBlank() || rationale.length() > MAX_RATIONALE_LENGTH) {
      throw new IllegalArgumentException("a decision needs a rationale of at most " + MAX_RATIONALE_LENGTH + " characters");
    }
  }

  /** Absent, or 1 to {@value #MAX_ADVICE_TO_REFERRER_LENGTH} characters of text. */
  static void requireAdviceShape(String adviceToReferrer) {
    if (adviceToReferrer != null && !isAdviceToReferrer(adviceToReferrer)) {
      throw new IllegalArgumentException("advice to the referrer is 1 to " + MAX_ADVICE_TO_REFERRER_LENGTH
          + " characters");
    }
  }

  /** Advice the referrer can act on: not blank, at most {@value #MAX_ADVICE_TO_REFERRER_LENGTH} characters. */
  public static boolean isAdviceToReferrer(String text) {
    return text != null && !text.isBlank() && text.length() <= MAX_ADVICE_TO_REFERRER_LENGTH;
  }

  /** The sign-off's rule: an outcome that closes the contact at the front door carries advice to the referrer. */
  public static boolean carriesAdviceWhereNeeded(MashOutcome outcome, String adviceToReferrer) {
    return !outcome.closesAtTheFrontDoor() || isAdviceToReferrer(adviceToReferrer);
  }
}
