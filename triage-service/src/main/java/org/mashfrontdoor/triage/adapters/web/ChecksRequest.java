package org.mashfrontdoor.triage.adapters.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.mashfrontdoor.triage.domain.Agency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.mashfrontdoor.triage.domain.Advice;

/** Multi-agency checks (requested, and returned if they have been) and/or the advice given. */
record ChecksRequest(
    @Valid @Size(max = 20) List<@NotNull @Valid Check> checks,
    @Size(min = 1, max = Advice.MAX_LENGTH) String advice) {

  record Check(
      // Anchored so the published pattern means what Java's whole-value match means.
      @Schema(implementation = Agency.class)
      @NotNull @Pattern(regexp = "^(POLICE|HEALTH|EDUCATION|OTHER)$", message = "must be one of POLICE, HEALTH, EDUCATION, OTHER")
      String agency,
      @NotNull Instant requestedAt,
      Instant returnedAt) {

    @AssertTrue(message = "must not be before requestedAt")
    boolean isReturnedAt() {
      return returnedAt == null || requestedAt == null || !returnedAt.isBefore(requestedAt);
    }
  }

  @AssertTrue(message = "record at least one check or the advice given")
  boolean isChecks() {
    return (checks != null && !checks.isEmpty()) || (advice != null && !advice.isBlank());
  }
}
