package org.mashfrontdoor.triage.adapters.messaging;

/** What triage publishes on {@code mash.triage.events} (through the outbox, never directly). */
public final class TriageEvents {

  public static final String SOURCE = "/mash/triage-service";
  /** The outbox routes aggregate type {@code triage} to topic {@code mash.triage.events}. */
  public static final String AGGREGATE_TYPE = "triage";

  private TriageEvents() {
  }
}
