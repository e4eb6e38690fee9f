package org.mashfrontdoor.intake.adapters.messaging;

import java.time.Instant;
import org.mashfrontdoor.intake.application.FollowingTriage;
import org.mashfrontdoor.intake.application.SteppingUp;
import org.mashfrontdoor.intake.domain.Milestone;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.MalformedEventException;
import org.mashfrontdoor.platform.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads case-service's events so the referrer learns what followed the decision (case opened, strategy
 * discussion held, ..., case closed), and turns a step-up into a new referral. Tolerant reader: only the
 * fields it needs; outcomes and reasons are not the referrer's business and are never read, except the
 * step-up's reason, which becomes the new referral's concern.
 */
@Component
class CaseEventsListener {

  private static final Logger log = LoggerFactory.getLogger(CaseEventsListener.class);

  record CaseOpened(String caseId, String referralId, String pathway, Instant openedAt) {
  }

  record SteppedUp(String caseId, String referralId, String newReferralId, String reason) {
  }

  /** A later step of a case: the milestone it means, and the data field saying when it happened. */
  private record Step(Milestone milestone, String timeField) {
  }

  private final FollowingTriage following;
  private final SteppingUp steppingUp;

  CaseEventsListener(FollowingTriage following, SteppingUp steppingUp) {
    this.following = following;
    this.steppingUp = steppingUp;
  }

  @KafkaListener(topics = Topics.CASE_EVENTS)
  void on(String message) {
    EventEnvelope event = EventJson.read(message);
    boolean known = switch (event.type()) {
      case "case.opened.v1" -> {
        CaseOpened opened = event.dataAs(CaseOpened.class);
        if (opened.pathway() == null) {
          throw new MalformedEventException("case.opened.v1 " + event.id() + " has no pathway");
        }
        yield following.follow(FollowingTriage.caseOpened(event.subject(), event.id(), opened.pathway(),
            opened.openedAt() == null ? event.time() : opened.openedAt()));
      }
      case "case.stepped-up.v1" -> {
        SteppedUp steppedUp = event.dataAs(SteppedUp.class);
        if (steppedUp.caseId() == null || steppedUp.newReferralId() == null || steppedUp.reason() == null
            || steppedUp.reason().isBlank()) {
          throw new MalformedEventException("case.stepped-up.v1 " + event.id()
              + " lacks caseId, newReferralId or reason");
        }
        String earlier = steppedUp.referralId() == null ? event.subject() : steppedUp.referralId();
        // The new referral first: if the earlier one is unknown, this dead-letters before anything is written.
        steppingUp.steppedUp(steppedUp.caseId(), earlier, steppedUp.newReferralId(), steppedUp.reason());
        yield following.follow(FollowingTriage.caseMilestone(earlier, event.id(), Milestone.STEPPED_UP,
            when(event, "steppedUpAt")));
      }
      default -> {
        Step step = stepOf(event.type());
        if (step == null) {
          yield true; // other case events (child seen, lead professional, deadlines) are not the referrer's business
        }
        yield following.follow(FollowingTriage.caseMilestone(event.subject(), event.id(), step.milestone(),
            when(event, step.timeField())));
      }
    };
    if (!known) {
      log.warn("Event {} ({}) is about referral {} which this intake does not hold", event.id(), event.type(),
          event.subject());
    }
  }

  private static Step stepOf(String type) {
    return switch (type) {
      case "case.strategy-discussion-held.v1" -> new Step(Milestone.STRATEGY_DISCUSSION_HELD, "heldAt");
      case "case.section-47-concluded.v1" -> new Step(Milestone.ENQUIRIES_CONCLUDED, "concludedAt");
      case "case.icpc-held.v1" -> new Step(Milestone.CONFERENCE_HELD, "heldAt");
      case "case.assessment-completed.v1" -> new Step(Milestone.ASSESSMENT_COMPLETED, "completedAt");
      case "case.stepped-down.v1" -> new Step(Milestone.STEPPED_DOWN_TO_EARLY_HELP, "steppedDownAt");
      case "case.early-help-started.v1" -> new Step(Milestone.EARLY_HELP_STARTED, "startedAt");
      case "case.closed.v1" -> new Step(Milestone.CASE_CLOSED, "closedAt");
      default -> null;
    };
  }

  /** When it happened, as the event's data says; the event's own time when the producer left it out. */
  private static Instant when(EventEnvelope event, String field) {
    JsonNode value = event.data().get(field);
    if (value == null || value.isNull()) {
      return event.time();
    }
    try {
      return Instant.parse(value.asString());
    } catch (RuntimeException e) {
      throw new MalformedEventException(event.type() + " " + event.id() + " has an unreadable " + field);
    }
  }
}
