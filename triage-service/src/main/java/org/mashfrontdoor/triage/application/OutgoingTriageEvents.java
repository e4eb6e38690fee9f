package org.mashfrontdoor.triage.application;

import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.triage.domain.RagReport;
import org.mashfrontdoor.triage.domain.TriageEvent;

/**
 * The events a contact's or a RAG report's write carries into the outbox (ADR 0003). The store writes them with the
 * change; their wire form is the messaging adapter's ({@code TriageEvents}), so neither adapter knows the other.
 */
public interface OutgoingTriageEvents {

  /** The outbox routes aggregate type {@code triage} to topic {@code mash.triage.events}. */
  String AGGREGATE_TYPE = "triage";

  EventEnvelope envelope(TriageEvent event);

  EventEnvelope envelope(RagReport report);
}
