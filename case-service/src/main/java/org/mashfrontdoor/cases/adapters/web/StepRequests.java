package org.mashfrontdoor.cases.adapters.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The bodies of the steps on a case (POST /api/v1/cases/{caseId}/...). Checked by {@link Fields}. */
final class StepRequests {

  private StepRequests() {
  }

  record ParticipantBody(String agency, String role, String name) {
  }

  record StrategyDiscussionBody(Instant heldAt, List<ParticipantBody> participants, Boolean section47,
      String rationale) {
    List<ParticipantBody> participantsOrEmpty() {
      return participants == null ? new ArrayList<>() : participants;
    }
  }

  record Section47Body(Instant concludedAt, String outcome) {
  }

  record IcpcBody(Instant heldAt, String outcome) {
  }

  record VisitBody(Instant seenAt) {
  }

  record AssessmentBody(Instant completedAt, String outcome) {
  }

  record LeadProfessionalBody(String name, String agency, String role) {
  }

  record EarlyHelpStartedBody(Instant startedAt) {
  }

  record StepUpBody(String reason) {
  }

  record StepUpAccepted(String referralId, String caseId) {
  }
}
