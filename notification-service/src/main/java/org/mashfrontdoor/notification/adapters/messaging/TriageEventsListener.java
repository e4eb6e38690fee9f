package org.mashfrontdoor.notification.adapters.messaging;

import org.mashfrontdoor.notification.application.RaisingAlerts;
import org.mashfrontdoor.notification.domain.DecisionDeadline;
import org.mashfrontdoor.notification.domain.Outcome;
import org.mashfrontdoor.notification.domain.RecordedDecision;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Alerts MASH staff to decisions and decision deadlines on {@code mash.triage.events}. Events that can never be
 * handled (unknown outcome, missing ids) go straight to {@code mash.triage.events.DLT}.
 */
@Component
public class TriageEventsListener {

  private final RaisingAlerts raisingAlerts;

  public TriageEventsListener(RaisingAlerts raisingAlerts) {
    this.raisingAlerts = raisingAlerts;
  }

  @KafkaListener(id = "notification-service-triage-events", idIsGroup = false, topics = Topics.TRIAGE_EVENTS)
  public void on(String value) {
    EventEnvelope event = EventJson.read(value);
    switch (event.type()) {
      case DecisionRecordedData.TYPE -> {
        DecisionRecordedData data = event.dataAs(DecisionRecordedData.class);
        if (data.referralId() == null || data.outcome() == null) {
          throw new IllegalArgumentException("decision " + event.id() + " lacks referralId or outcome");
        }
        raisingAlerts.on(new RecordedDecision(event.id(), data.referralId(), data.reference(),
            Outcome.valueOf(data.outcome())));
      }
      case DeadlineData.APPROACHING_TYPE, DeadlineData.BREACHED_TYPE -> {
        DeadlineData data = event.dataAs(DeadlineData.class);
        if (data.referralId() == null || data.decisionDueBy() == null) {
          throw new IllegalArgumentException("deadline event " + event.id() + " lacks referralId or decisionDueBy");
        }
        raisingAlerts.on(new DecisionDeadline(event.id(), data.referralId(), data.reference(),
            data.decisionDueBy(), data.rag(), DeadlineData.BREACHED_TYPE.equals(event.type())));
      }
      default -> {
        // e.g. triage.contact-opened.v1: nothing to alert on
      }
    }
  }
}
