package org.mashfrontdoor.triage.adapters.web;

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
 * field, not alone as a parse error.
 */
record DecisionRequest(
    @NotNull
    @Pattern(regexp = "NO_FURTHER_ACTION|INFORMATION_AND_ADVICE|EARLY_HELP|SINGLE_ASSESSMENT|STRATEGY_DISCUSSION",
        message = "must be one of NO_FURTHER_ACTION, INFORMATION_AND_ADVICE, EARLY_HELP, SINGLE_ASSESSMENT, STRATEGY_DISCUSSION")
    String outcome,
    @NotNull @Min(1) @Max(4) Integer levelOfNeed,
    @NotBlank @Size(max = TriageDecision.MAX_RATIONALE_LENGTH) String rationale) {
}
