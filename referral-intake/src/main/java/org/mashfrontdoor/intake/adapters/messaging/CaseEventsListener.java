package org.mashfrontdoor.intake.adapters.messaging;

import java.time.Instant;
import org.mashfrontdoor.intake.application.FollowingTriage;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.MalformedEventException;
import org.mashfrontdoor.platform.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads case-service's events so the referrer learns a case was opened or the family stepped down to early help. */
@Component
class CaseEventsListener {

  private static final Logger log = LoggerFactory.getLogger(CaseEventsListener.class);

  record CaseOpened(String caseId, String referralId, String pathway, Instant openedAt) {
  }

  private final FollowingTriage following;

  CaseEventsListener(FollowingTriage following) {
    this.following = following;
  }

  @KafkaListener(topics = Topics.CASE_EVENTS)
  void on(String message) {
    EventEnvelope event = EventJson.read(message);
    if (!"case.opened.v1".equals(event.type())) {
      return; // other case events are not the referrer's business
    }
    CaseOpened opened = event.dataAs(CaseOpened.class);
    if (opened.pathway() == null) {
      throw new MalformedEventException("case.opened.v1 " + event.id() + " has no pathway");
    }
    boolean known = following.caseOpened(event.subject(), event.id(), opened.pathway(),
        opened.openedAt() == null ? event.time() : opened.openedAt());
    if (!known) {
      log.warn("Event {} ({}) is about referral {} which this intake does not hold", event.id(), event.type(),
          event.subject());
    }
  }
}
