package org.mashfrontdoor.cases.application;

import org.mashfrontdoor.cases.domain.Case;
import org.mashfrontdoor.cases.domain.CaseEvent;
import org.mashfrontdoor.platform.events.EventEnvelope;

/**
 * The events a case's write carries into the outbox (ADR 0003). The store writes them with the case; their wire
 * form is the messaging adapter's ({@code CaseEvents}), so neither adapter knows the other.
 */
@FunctionalInterface
public interface OutgoingCaseEvents {

  /** The outbox routes aggregate type {@code case} to topic {@code mash.case.events}. */
  String AGGREGATE_TYPE = "case";

  EventEnvelope envelope(Case c, CaseEvent event);
}
