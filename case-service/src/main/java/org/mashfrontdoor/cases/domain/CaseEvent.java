package org.mashfrontdoor.cases.domain;

import java.time.Instant;
import java.util.List;
import org.mashfrontdoor.platform.codes.Agency;
import org.mashfrontdoor.platform.deadlines.Deadline;

/** What a step on a case announces; each is published about the case it was raised on (docs/events.md). */
public sealed interface CaseEvent {

  /** When it happened (the step's own time, or the clock's). */
  Instant at();

  record Opened(Instant at) implements CaseEvent {
  }

  record StrategyDiscussionHeld(Instant at, boolean section47, List<Agency> agencies) implements CaseEvent {
  }

  record Section47Concluded(Instant at, Section47Outcome outcome) implements CaseEvent {
  }

  record ConferenceHeld(Instant at, ConferenceOutcome outcome, Deadline deadline) implements CaseEvent {
  }

  /** {@code deadline} is the CHILD_SEEN clock this visit met, or null if the case runs none. */
  record ChildSeen(Instant at, Deadline deadline) implements CaseEvent {
  }

  record AssessmentCompleted(Instant at, AssessmentOutcome outcome, Deadline deadline) implements CaseEvent {
  }

  record SteppedDown(Instant at) implements CaseEvent {
  }

  record LeadProfessionalAssigned(Instant at, Agency agency, String role) implements CaseEvent {
  }

  record EarlyHelpStarted(Instant at, Deadline deadline) implements CaseEvent {
  }

  record SteppedUp(Instant at, StepUp stepUp) implements CaseEvent {
  }

  record Closed(Instant at, CloseReason reason) implements CaseEvent {
  }

  /** {@code scheduledFor} is when the alarm was due, {@code at} when it fired. */
  record DeadlineApproaching(Instant at, Deadline deadline, Instant scheduledFor) implements CaseEvent {
  }

  record DeadlineBreached(Instant at, Deadline deadline, Instant scheduledFor) implements CaseEvent {
  }
}
