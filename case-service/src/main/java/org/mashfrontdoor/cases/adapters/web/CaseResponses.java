package org.mashfrontdoor.cases.adapters.web;

import java.time.Instant;
import java.util.List;
import org.mashfrontdoor.cases.application.Cases;
import org.mashfrontdoor.cases.domain.Case;
import org.mashfrontdoor.cases.domain.Participant;
import org.mashfrontdoor.platform.deadlines.Deadline;

/** Cases as the API shows them: a summary (no personal data) for lists, the whole case for an audited read. */
final class CaseResponses {

  private CaseResponses() {
  }

  record PolicyView(String id, int version, String calendarVersion) {
  }

  record DeadlineView(String kind, Instant startedAt, Instant dueBy, String status, Boolean onTime, Instant metAt,
      PolicyView policy) {
    static DeadlineView of(Deadline d) {
      return new DeadlineView(d.kind(), d.startedAt(), d.dueBy(), d.status().name(), d.onTime(), d.metAt(),
          new PolicyView(d.policy().id(), d.policy().version(), d.policy().calendarVersion()));
    }
  }

  /** Ids, pathway, status and clocks: what a list may show without an audited read. */
  record CaseSummary(String caseId, String referralId, String contactId, String pathway, String status,
      int levelOfNeed, Instant openedAt, Instant soonestDueBy, boolean overdue, List<DeadlineView> deadlines) {
    static CaseSummary of(Case c, Instant now) {
      return new CaseSummary(c.caseId(), c.referralId(), c.contactId(), c.pathway().name(), c.status().name(),
          c.levelOfNeed(), c.openedAt(), c.soonestDueBy().orElse(null), c.isOverdue(now),
          c.deadlines().stream().map(DeadlineView::of).toList());
    }
  }

  record Worklist(List<CaseSummary> cases, int page, int size, long total) {
    static Worklist of(Cases.Page page, int pageNumber, int size, Instant now) {
      return new Worklist(page.cases().stream().map(c -> CaseSummary.of(c, now)).toList(), pageNumber, size,
          page.total());
    }
  }

  record ParticipantView(String agency, String role, String name) {
    static ParticipantView of(Participant p) {
      return new ParticipantView(p.agency().name(), p.role(), p.name());
    }
  }

  record StrategyDiscussionView(Instant heldAt, List<ParticipantView> participants, boolean section47,
      String rationale, String recordedBy) {
  }

  record StepView(Instant at, String outcome, String recordedBy) {
  }

  record LeadProfessionalView(String name, String agency, String role, Instant assignedAt, String assignedBy) {
  }

  record StepUpView(String reason, String newReferralId, Instant steppedUpAt, String steppedUpBy) {
  }

  /** The whole case: shown only after the read is audited. */
  record CaseView(String caseId, String referralId, String contactId, String pathway, String status,
      int levelOfNeed, String rationale, Instant referralReceivedAt, Instant decidedAt, Instant openedAt,
      StrategyDiscussionView strategyDiscussion, StepView section47, StepView icpc, List<StepView> visits,
      StepView assessment, LeadProfessionalView leadProfessional, Instant earlyHelpStartedAt, StepUpView stepUp,
      Instant closedAt, String closeReason, List<DeadlineView> deadlines) {

    static CaseView of(Case c) {
      return new CaseView(c.caseId(), c.referralId(), c.contactId(), c.pathway().name(), c.status().name(),
          c.levelOfNeed(), c.rationale(), c.referralReceivedAt(), c.decidedAt(), c.openedAt(),
          c.strategyDiscussion() == null ? null : new StrategyDiscussionView(c.strategyDiscussion().heldAt(),
              c.strategyDiscussion().participants().stream().map(ParticipantView::of).toList(),
              c.strategyDiscussion().section47(), c.strategyDiscussion().rationale(),
              c.strategyDiscussion().recordedBy()),
          c.section47() == null ? null : new StepView(c.section47().concludedAt(), c.section47().outcome().name(),
              c.section47().recordedBy()),
          c.conference() == null ? null : new StepView(c.conference().heldAt(), c.conference().outcome().name(),
              c.conference().recordedBy()),
          c.visits().stream().map(v -> new StepView(v.seenAt(), null, v.recordedBy())).toList(),
          c.assessment() == null ? null : new StepView(c.assessment().completedAt(),
              c.assessment().outcome().name(), c.assessment().recordedBy()),
          c.leadProfessional() == null ? null : new LeadProfessionalView(c.leadProfessional().name(),
              c.leadProfessional().agency().name(), c.leadProfessional().role(), c.leadProfessional().assignedAt(),
              c.leadProfessional().assignedBy()),
          c.earlyHelpStartedAt(),
          c.stepUp() == null ? null : new StepUpView(c.stepUp().reason(), c.stepUp().newReferralId(),
              c.stepUp().steppedUpAt(), c.stepUp().steppedUpBy()),
          c.closedAt(), c.closeReason() == null ? null : c.closeReason().name(),
          c.deadlines().stream().map(DeadlineView::of).toList());
    }
  }
}
