package org.mashfrontdoor.cases.adapters.messaging;

import org.mashfrontdoor.platform.codes.MashOutcome;
import org.mashfrontdoor.cases.application.OpeningCase;
import org.mashfrontdoor.cases.domain.TriageDecision;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
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

  // The group comes from spring.kafka.consumer.group-id (the service name), not from the listener id.
  @KafkaListener(id = "case-service-triage-events", idIsGroup = false, topics = Topics.TRIAGE_EVENTS)
  public void on(String value) {
    EventEnvelope event = EventJson.read(value);
    if (!DecisionRecordedData.TYPE.equals(event.type())) {
      return; // e.g. triage.contact-opened.v1: nothing for the case side to do
    }
    DecisionRecordedData data = event.dataAs(DecisionRecordedData.class);
    if (data.outcome() == null || data.levelOfNeed() == null || data.receivedAt() == null
        || data.decidedAt() == null) {
      throw new IllegalArgumentException("decision " + event.id()
          + " lacks outcome, levelOfNeed, receivedAt or decidedAt");
    }
    openingCase.on(new TriageDecision(event.id(), data.contactId(), data.referralId(),
        MashOutcome.valueOf(data.outcome()), data.levelOfNeed(), data.rationale(), data.receivedAt(),
        data.decidedAt()));
  }
}
