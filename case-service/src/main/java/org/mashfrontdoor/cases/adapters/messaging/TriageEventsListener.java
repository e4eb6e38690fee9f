package org.mashfrontdoor.cases.adapters.messaging;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.mashfrontdoor.platform.PlatformAutoConfiguration;
import org.mashfrontdoor.platform.codes.MashOutcome;
import org.mashfrontdoor.cases.application.OpeningCase;
import org.mashfrontdoor.cases.domain.TriageDecision;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.inbox.EventPoll;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Opens cases from the decisions on {@code mash.triage.events}. Events that can never be handled (not JSON,
 * unknown outcome, missing ids or times) throw {@code MalformedEventException} or {@code IllegalArgumentException}
 * and go straight to {@code mash.triage.events.DLT} under the platform's failure policy.
 */
@Component
public class TriageEventsListener {

  private final OpeningCase openingCase;

  public TriageEventsListener(OpeningCase openingCase) {
    this.openingCase = openingCase;
  }

  /**
   * A poll at a time ({@link EventPoll}), so its offsets are committed once: most of this topic is contact-opened
   * events, which open no case, and committing after each of those was half of all the stack's offset commits under
   * load (docs/performance.md). Each decision is handled in turn; opening a case is idempotent by decision, so a
   * poll that comes again after a fault opens nothing twice.
   */
  // The group comes from spring.kafka.consumer.group-id (the service name), not from the listener id.
  @KafkaListener(id = "case-service-triage-events", idIsGroup = false, topics = Topics.TRIAGE_EVENTS,
      containerFactory = PlatformAutoConfiguration.BATCH_LISTENERS)
  public void on(List<ConsumerRecord<String, String>> records) {
    EventPoll.handle(records, TriageEventsListener::decision, decisions -> decisions.forEach(openingCase::on));
  }

  /** The decision an event records; nothing for other triage events (a contact opened: nothing for cases). */
  private static List<TriageDecision> decision(String value) {
    EventEnvelope event = EventJson.read(value);
    if (!DecisionRecordedData.TYPE.equals(event.type())) {
      return List.of();
    }
    DecisionRecordedData data = event.dataAs(DecisionRecordedData.class);
    if (data.outcome() == null || data.levelOfNeed() == null || data.receivedAt() == null
        || data.decidedAt() == null) {
      throw new IllegalArgumentException("decision " + event.id()
          + " lacks outcome, levelOfNeed, receivedAt or decidedAt");
    }
    return List.of(new TriageDecision(event.id(), data.contactId(), data.referralId(),
        MashOutcome.valueOf(data.outcome()), data.levelOfNeed(), data.rationale(), data.receivedAt(),
        data.decidedAt()));
  }
}
