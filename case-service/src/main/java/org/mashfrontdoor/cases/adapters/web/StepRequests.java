package org.mashfrontdoor.cases.adapters.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mashfrontdoor.cases.domain.AssessmentOutcome;
import org.mashfrontdoor.cases.domain.ConferenceOutcome;
import org.mashfrontdoor.cases.domain.Section47Outcome;
import org.mashfrontdoor.platform.codes.Agency;

/** The bodies of the steps on a case (POST /api/v1/cases/{caseId}/...). Checked by {@link Fields}. */
final class StepRequests {

  private StepRequests() {
  }

  // The enums and lengths Fields checks, published (strings rather than enums so that Fields names every bad field).
  record ParticipantBody(@Schema(implementation = Agency.class) String agency,
      @Schema(maxLength = Fields.MAX_NAME) String role, @Schema(maxLength = Fields.MAX_NAME) String name) {
  }

  record StrategyDiscussionBody(Instant heldAt,
      // No count of its own: the 64 KB body limit holds fewer than this many of the smallest participant (38 bytes).
      @ArraySchema(maxItems = 1800) List<ParticipantBody> participants, Boolean section47,
      @Schema(maxLength = Fields.MAX_TEXT) String rationale) {
    List<ParticipantBody> participantsOrEmpty() {
      return participants == null ? new ArrayList<>() : participants;
    }
  }

  record Section47Body(Instant concludedAt, @Schema(implementation = Section47Outcome.class) String outcome) {
  }

  record IcpcBody(Instant heldAt, @Schema(implementation = ConferenceOutcome.class) String outcome) {
  }

  record VisitBody(Instant seenAt) {
  }

  record AssessmentBody(Instant completedAt, @Schema(implementation = AssessmentOutcome.class) String outcome) {
  }

  record LeadProfessionalBody(@Schema(maxLength = Fields.MAX_NAME) String name,
      @Schema(implementation = Agency.class) String agency, @Schema(maxLength = Fields.MAX_NAME) String role) {
  }

  record EarlyHelpStartedBody(Instant startedAt) {
  }

  record StepUpBody(@Schema(maxLength = Fields.MAX_TEXT) String reason) {
  }

  record StepUpAccepted(String referralId, String caseId) {
  }
}
