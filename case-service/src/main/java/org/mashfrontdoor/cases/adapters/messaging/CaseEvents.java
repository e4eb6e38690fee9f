package org.mashfrontdoor.cases.adapters.messaging;

import java.time.Instant;
import java.util.List;
import org.mashfrontdoor.cases.domain.Case;
import org.mashfrontdoor.cases.domain.CaseEvent;
import org.mashfrontdoor.platform.codes.Agency;
import org.mashfrontdoor.platform.deadlines.Deadline;
import org.mashfrontdoor.platform.events.EventEnvelope;

/**
 * The {@code case.*} events, the wire form of {@code OutgoingCaseEvents} ({@code CaseEvents::envelope}), on {@code mash.case.events} (docs/events.md): ids, dates, codes and outcomes. No child's
 * name and no professional's name go on the wire; the step-up's reason does, because intake makes it the new
 * referral's concern.
 */
public final class CaseEvents {

  public static final String SOURCE = "/mash/case-service";

  public static final String OPENED = "case.opened.v1";
  public static final String STRATEGY_DISCUSSION_HELD = "case.strategy-discussion-held.v1";
  public static final String SECTION_47_CONCLUDED = "case.section-47-concluded.v1";
  public static final String ICPC_HELD = "case.icpc-held.v1";
  public static final String CHILD_SEEN = "case.child-seen.v1";
  public static final String ASSESSMENT_COMPLETED = "case.assessment-completed.v1";
  public static final String STEPPED_DOWN = "case.stepped-down.v1";
  public static final String LEAD_PROFESSIONAL_ASSIGNED = "case.lead-professional-assigned.v1";
  public static final String EARLY_HELP_STARTED = "case.early-help-started.v1";
  public static final String STEPPED_UP = "case.stepped-up.v1";
  public static final String CLOSED = "case.closed.v1";
  public static final String DEADLINE_APPROACHING = "case.deadline-approaching.v1";
  public static final String DEADLINE_BREACHED = "case.deadline-breached.v1";

  private CaseEvents() {
  }

  public record OpenedV1(String caseId, String referralId, String contactId, String pathway, String status,
      int levelOfNeed, Instant openedAt) {
  }

  public record StrategyDiscussionHeldV1(String caseId, String referralId, Instant heldAt, boolean section47,
      List<String> agencies) {
  }

  public record Section47ConcludedV1(String caseId, String referralId, Instant concludedAt, String outcome) {
  }

  public record IcpcHeldV1(String caseId, String referralId, Instant heldAt, String outcome, Instant dueBy,
      Boolean onTime) {
  }

  public record ChildSeenV1(String caseId, String referralId, Instant seenAt, Instant dueBy, Boolean onTime) {
  }

  public record AssessmentCompletedV1(String caseId, String referralId, Instant completedAt, String outcome,
      Instant dueBy, Boolean onTime) {
  }

  public record SteppedDownV1(String caseId, String referralId, Instant steppedDownAt) {
  }

  public record LeadProfessionalAssignedV1(String caseId, String referralId, String agency, String role,
      Instant assignedAt) {
  }

  public record EarlyHelpStartedV1(String caseId, String referralId, Instant startedAt, Instant dueBy,
      Boolean onTime) {
  }

  public record SteppedUpV1(String caseId, String referralId, String newReferralId, Instant steppedUpAt,
      String steppedUpBy, String reason) {
  }

  public record ClosedV1(String caseId, String referralId, Instant closedAt, String reason) {
  }

  public record PolicyV1(String id, int version, String calendarVersion) {
  }

  public record DeadlineV1(String caseId, String referralId, String pathway, String kind, Instant dueBy,
      PolicyV1 policy, Instant scheduledFor) {
  }

  public static EventEnvelope envelope(Case c, CaseEvent event) {
    String id = c.caseId();
    String ref = c.referralId();
    record Typed(String type, Object data) {
    }
    Typed typed = switch (event) {
      case CaseEvent.Opened o -> new Typed(OPENED, new OpenedV1(id, ref, c.contactId(), c.pathway().name(),
          c.status().name(), c.levelOfNeed(), c.openedAt()));
      case CaseEvent.StrategyDiscussionHeld h -> new Typed(STRATEGY_DISCUSSION_HELD,
          new StrategyDiscussionHeldV1(id, ref, h.at(), h.section47(), h.agencies().stream().map(Agency::name)
              .toList()));
      case CaseEvent.Section47Concluded s -> new Typed(SECTION_47_CONCLUDED,
          new Section47ConcludedV1(id, ref, s.at(), s.outcome().name()));
      case CaseEvent.ConferenceHeld h -> new Typed(ICPC_HELD, new IcpcHeldV1(id, ref, h.at(), h.outcome().name(),
          dueBy(h.deadline()), onTime(h.deadline())));
      case CaseEvent.ChildSeen s -> new Typed(CHILD_SEEN, new ChildSeenV1(id, ref, s.at(), dueBy(s.deadline()),
          onTime(s.deadline())));
      case CaseEvent.AssessmentCompleted a -> new Typed(ASSESSMENT_COMPLETED, new AssessmentCompletedV1(id, ref,
          a.at(), a.outcome().name(), dueBy(a.deadline()), onTime(a.deadline())));
      case CaseEvent.SteppedDown s -> new Typed(STEPPED_DOWN, new SteppedDownV1(id, ref, s.at()));
      case CaseEvent.LeadProfessionalAssigned l -> new Typed(LEAD_PROFESSIONAL_ASSIGNED,
          new LeadProfessionalAssignedV1(id, ref, l.agency().name(), l.role(), l.at()));
      case CaseEvent.EarlyHelpStarted s -> new Typed(EARLY_HELP_STARTED, new EarlyHelpStartedV1(id, ref, s.at(),
          dueBy(s.deadline()), onTime(s.deadline())));
      case CaseEvent.SteppedUp s -> new Typed(STEPPED_UP, new SteppedUpV1(id, ref, s.stepUp().newReferralId(),
          s.at(), s.stepUp().steppedUpBy(), s.stepUp().reason()));
      case CaseEvent.Closed s -> new Typed(CLOSED, new ClosedV1(id, ref, s.at(), s.reason().name()));
      case CaseEvent.DeadlineApproaching a -> new Typed(DEADLINE_APPROACHING, deadline(c, a.deadline(),
          a.scheduledFor()));
      case CaseEvent.DeadlineBreached b -> new Typed(DEADLINE_BREACHED, deadline(c, b.deadline(),
          b.scheduledFor()));
    };
    return EventEnvelope.create(SOURCE, typed.type(), ref, event.at(), typed.data());
  }

  private static DeadlineV1 deadline(Case c, Deadline d, Instant scheduledFor) {
    return new DeadlineV1(c.caseId(), c.referralId(), c.pathway().name(), d.kind(), d.dueBy(),
        new PolicyV1(d.policy().id(), d.policy().version(), d.policy().calendarVersion()), scheduledFor);
  }

  private static Instant dueBy(Deadline d) {
    return d == null ? null : d.dueBy();
  }

  private static Boolean onTime(Deadline d) {
    return d == null ? null : d.onTime();
  }
}
