package org.mashfrontdoor.notification.adapters.messaging;

import org.mashfrontdoor.platform.codes.MashOutcome;
import org.mashfrontdoor.notification.application.FollowingTheFrontDoor;
import org.mashfrontdoor.notification.domain.DecisionDeadline;
import org.mashfrontdoor.notification.domain.RecordedDecision;
import org.mashfrontdoor.notification.domain.UrgentContact;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Alerts MASH staff from {@code mash.triage.events}: urgent contacts (triage's urgency rule, with its reasons),
 * decisions, decision deadlines, and the RAG digest at each report time. Events that can never be handled
 * (unknown outcome, missing ids) go straight to {@code mash.triage.events.DLT}.
 */
@Component
public class TriageEventsListener {

  private final FollowingTheFrontDoor following;

  public TriageEventsListener(FollowingTheFrontDoor following) {
    this.following = following;
  }

  @KafkaListener(id = "notification-service-triage-events", idIsGroup = false, topics = Topics.TRIAGE_EVENTS)
  public void on(String value) {
    EventEnvelope event = EventJson.read(value);
    switch (event.type()) {
      case ContactOpenedData.TYPE -> {
        ContactOpenedData data = event.dataAs(ContactOpenedData.class);
        if (data.referralId() == null || data.urgent() == null || data.receivedAt() == null
            || data.decisionDueBy() == null) {
          throw new IllegalArgumentException("contact-opened " + event.id()
              + " lacks referralId, urgent, receivedAt or decisionDueBy");
        }
        following.contactOpened(new UrgentContact(event.id(), data.referralId(), data.reference(), data.urgent(),
            data.urgentReasons()), data.receivedAt(), data.decisionDueBy(), data.rag(), data.lane());
      }
      case DecisionRecordedData.TYPE -> {
        DecisionRecordedData data = event.dataAs(DecisionRecordedData.class);
        if (data.referralId() == null || data.outcome() == null) {
          throw new IllegalArgumentException("decision " + event.id() + " lacks referralId or outcome");
        }
        following.decided(new RecordedDecision(event.id(), data.referralId(), data.reference(),
            MashOutcome.valueOf(data.outcome())));
      }
      case DeadlineData.APPROACHING_TYPE, DeadlineData.BREACHED_TYPE -> {
        DeadlineData data = event.dataAs(DeadlineData.class);
        if (data.referralId() == null || data.decisionDueBy() == null) {
          throw new IllegalArgumentException("deadline event " + event.id() + " lacks referralId or decisionDueBy");
        }
        following.deadline(new DecisionDeadline(event.id(), data.referralId(), data.reference(),
            data.decisionDueBy(), data.rag(), DeadlineData.BREACHED_TYPE.equals(event.type())));
      }
      case RagReportData.TYPE -> {
        RagReportData data = event.dataAs(RagReportData.class);
        following.ragReport(event.id(), data.reportId() == null ? event.subject() : data.reportId(),
            data.slotAt() == null ? event.time() : data.slotAt());
      }
      default -> {
        // e.g. triage.referral-joined.v1: nothing to alert on
      }
    }
  }
}
