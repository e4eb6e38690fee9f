package org.mashfrontdoor.triage.adapters.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mashfrontdoor.platform.codes.MashOutcome;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.mashfrontdoor.triage.domain.TriageDecision;

/**
 * A social worker's recommendation, or the manager's decision signing it off (same body). {@code outcome} is a
 * string checked by pattern rather than an enum so that a bad outcome is reported together with every other bad
 * field, not alone as a parse error. {@code adviceToReferrer} is what the referrer is told to do: required in a
 * decision whose outcome closes the contact at the front door ({@link SigningOff}), optional in a recommendation
 * (the advice the social worker proposes).
 */
record DecisionRequest(
    @NotNull
    // Anchored and ECMA-compatible so the published pattern means what Java's whole-value match means.
    @Schema(implementation = MashOutcome.class)
    @Pattern(regexp = "^(NO_FURTHER_ACTION|INFORMATION_AND_ADVICE|EARLY_HELP|SINGLE_ASSESSMENT|STRATEGY_DISCUSSION)$",
        message = "must be one of NO_FURTHER_ACTION, INFORMATION_AND_ADVICE, EARLY_HELP, SINGLE_ASSESSMENT, STRATEGY_DISCUSSION")
    String outcome,
    @NotNull @Min(1) @Max(4) Integer levelOfNeed,
    @NotBlank @Size(max = TriageDecision.MAX_RATIONALE_LENGTH) String rationale,
    // Not blank, written so JSON Schema tools compile it too (no Java-only (?s) flag): the same values match.
    @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank")
    @Size(max = TriageDecision.MAX_ADVICE_TO_REFERRER_LENGTH) String adviceToReferrer) {

  /** The checks of a decision (the manager's sign-off) beyond those of a recommendation. */
  interface SigningOff {
  }

  /** The domain's rule ({@link TriageDecision#carriesAdviceWhereNeeded}), reported at {@code /adviceToReferrer}. */
  @AssertTrue(groups = SigningOff.class, message = "is required for NO_FURTHER_ACTION and INFORMATION_AND_ADVICE: "
      + "say what the referrer should do (1 to " + TriageDecision.MAX_ADVICE_TO_REFERRER_LENGTH + " characters)")
  boolean isAdviceToReferrer() {
    MashOutcome chosen = chosenOutcome();
    return chosen == null || adviceToReferrer != null || TriageDecision.carriesAdviceWhereNeeded(chosen, null);
  }

  /** The outcome, or null if it is missing or not one of the list (reported at {@code /outcome}). */
  MashOutcome chosenOutcome() {
    try {
      return outcome == null ? null : MashOutcome.valueOf(outcome);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
