package org.mashfrontdoor.triage.adapters.messaging;

import java.time.Instant;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.DecisionRecorded;
import org.mashfrontdoor.triage.domain.TriageDecision;

/** Data of {@code triage.decision-recorded.v1} (docs/events.md). */
public record DecisionRecordedV1(String contactId, String referralId, String reference, String outcome,
    int levelOfNeed, String rationale, Instant decidedAt, Instant decisionDueBy, boolean onTime) {

  public static final String TYPE = "triage.decision-recorded.v1";

  public static EventEnvelope eventFor(DecisionRecorded recorded) {
    Contact contact = recorded.contact();
    TriageDecision decision = contact.decision();
    DecisionRecordedV1 data = new DecisionRecordedV1(contact.referralId(), contact.referralId(),
        contact.reference(), decision.outcome().name(), decision.levelOfNeed(), decision.rationale(),
        decision.decidedAt(), contact.decisionDueBy(), decision.onTime());
    return EventEnvelope.create(TriageEvents.SOURCE, TYPE, contact.referralId(), recorded.at(), data);
  }
}
