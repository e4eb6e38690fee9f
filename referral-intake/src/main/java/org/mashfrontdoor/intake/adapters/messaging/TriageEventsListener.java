package org.mashfrontdoor.intake.adapters.messaging;

import java.time.Instant;
import org.mashfrontdoor.intake.application.FollowingTriage;
import org.mashfrontdoor.intake.domain.TriageOutcome;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads triage's events to keep the referrer's status up to date. Tolerant reader: only the fields it needs. */
@Component
class TriageEventsListener {

  private static final Logger log = LoggerFactory.getLogger(TriageEventsListener.class);

  record ContactOpened(String referralId) {
  }

  record DecisionRecorded(String referralId, String outcome, Instant decidedAt) {
  }

  private final FollowingTriage followingTriage;

  TriageEventsListener(FollowingTriage followingTriage) {
    this.followingTriage = followingTriage;
  }

  @KafkaListener(topics = Topics.TRIAGE_EVENTS)
  void on(String message) {
    EventEnvelope event = EventJson.read(message);
    boolean known = switch (event.type()) {
      case "triage.contact-opened.v1" ->
          followingTriage.contactOpened(event.subject(), event.id(), event.time());
      case "triage.decision-recorded.v1" -> {
        DecisionRecorded decision = event.dataAs(DecisionRecorded.class);
        yield followingTriage.decisionRecorded(event.subject(), event.id(),
            TriageOutcome.valueOf(decision.outcome()), decision.decidedAt() == null ? event.time() : decision.decidedAt());
      }
      default -> true; // other triage events are not the referrer's business
    };
    if (!known) {
      log.warn("Event {} ({}) is about referral {} which this intake does not hold", event.id(), event.type(),
          event.subject());
    }
  }
}
