package org.mashfrontdoor.notification.adapters.messaging;

import org.mashfrontdoor.platform.codes.MashOutcome;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.mashfrontdoor.notification.application.FollowingTheFrontDoor;
import org.mashfrontdoor.notification.application.FollowingTheFrontDoor.Heard;
import org.mashfrontdoor.notification.domain.DecisionDeadline;
import org.mashfrontdoor.notification.domain.RecordedDecision;
import org.mashfrontdoor.notification.domain.UrgentContact;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.PlatformAutoConfiguration;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.inbox.EventPoll;
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

  /**
   * A poll's events are followed together ({@link FollowingTheFrontDoor#followAll}, through {@link EventPoll}): a
   * few store round trips for the poll, where one event at a time took one to several each and fell tens of thousands
   * of events behind in the long run of docs/performance.md.
   */
  @KafkaListener(id = "notification-service-triage-events", idIsGroup = false, topics = Topics.TRIAGE_EVENTS,
      containerFactory = PlatformAutoConfiguration.BATCH_LISTENERS)
  public void on(List<ConsumerRecord<String, String>> records) {
    EventPoll.handle(records, TriageEventsListener::heard, following::followAll);
  }

  /** What an event tells the front door; nothing for events with nothing to alert on or show. */
  private static List<Heard> heard(String value) {
    EventEnvelope event = EventJson.read(value);
    return switch (event.type()) {
      case ContactOpenedData.TYPE -> {
        ContactOpenedData data = event.dataAs(ContactOpenedData.class);
        if (data.referralId() == null || data.urgent() == null || data.receivedAt() == null
            || data.decisionDueBy() == null) {
          throw new IllegalArgumentException("contact-opened " + event.id()
              + " lacks referralId, urgent, receivedAt or decisionDueBy");
        }
        yield List.of(new FollowingTheFrontDoor.ContactOpened(new UrgentContact(event.id(), data.referralId(),
            data.reference(), data.urgent(), data.urgentReasons()), data.receivedAt(), data.decisionDueBy(),
            data.rag(), data.lane()));
      }
      case DecisionRecordedData.TYPE -> {
        DecisionRecordedData data = event.dataAs(DecisionRecordedData.class);
        if (data.referralId() == null || data.outcome() == null) {
          throw new IllegalArgumentException("decision " + event.id() + " lacks referralId or outcome");
        }
        yield List.of(new FollowingTheFrontDoor.Decided(new RecordedDecision(event.id(), data.referralId(),
            data.reference(), MashOutcome.valueOf(data.outcome()))));
      }
      case DeadlineData.APPROACHING_TYPE, DeadlineData.BREACHED_TYPE -> {
        DeadlineData data = event.dataAs(DeadlineData.class);
        if (data.referralId() == null || data.decisionDueBy() == null) {
          throw new IllegalArgumentException("deadline event " + event.id() + " lacks referralId or decisionDueBy");
        }
        yield List.of(new FollowingTheFrontDoor.DeadlineNear(new DecisionDeadline(event.id(), data.referralId(),
            data.reference(), data.decisionDueBy(), data.rag(), DeadlineData.BREACHED_TYPE.equals(event.type()))));
      }
      case RagReportData.TYPE -> {
        RagReportData data = event.dataAs(RagReportData.class);
        yield List.of(new FollowingTheFrontDoor.RagReportDue(event.id(),
            data.reportId() == null ? event.subject() : data.reportId(),
            data.slotAt() == null ? event.time() : data.slotAt()));
      }
      default -> List.of(); // e.g. triage.referral-joined.v1: nothing to alert on
    };
  }
}
