package org.mashfrontdoor.triage.adapters.metrics;

import org.mashfrontdoor.platform.codes.MashOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.mashfrontdoor.triage.application.Contacts;
import org.mashfrontdoor.triage.application.FrontDoorMetrics;
import org.mashfrontdoor.triage.domain.Lane;
import org.mashfrontdoor.triage.domain.Rag;
import org.mashfrontdoor.triage.domain.RagPolicy;
import org.mashfrontdoor.triage.domain.Source;
import org.mashfrontdoor.triage.domain.TriageDecision;

/**
 * The front door's meters (docs/metrics.md). The open-contacts gauge reads a snapshot of the store refreshed at
 * most every {@code gaugeRefresh}, so a scrape never costs a query per series.
 */
public class MicrometerFrontDoorMetrics implements FrontDoorMetrics {

  private final MeterRegistry registry;
  private final Contacts contacts;
  private final RagPolicy ragPolicy;
  private final Clock clock;
  private final Duration gaugeRefresh;
  private final Timer.Builder decisionTime;
  private Map<Lane, Map<Rag, Long>> snapshot;
  private Instant snapshotAt = Instant.MIN;

  public MicrometerFrontDoorMetrics(MeterRegistry registry, Contacts contacts, RagPolicy ragPolicy, Clock clock,
      Duration gaugeRefresh) {
    this.registry = registry;
    this.contacts = contacts;
    this.ragPolicy = ragPolicy;
    this.clock = clock;
    this.gaugeRefresh = gaugeRefresh;
    this.decisionTime = Timer.builder("triage.decision.time")
        .description("Time from a contact's receipt to the manager's decision")
        .serviceLevelObjectives(Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(24), Duration.ofHours(72))
        .minimumExpectedValue(Duration.ofMinutes(1))
        .maximumExpectedValue(Duration.ofDays(14));
    for (Lane lane : Lane.values()) {
      for (Rag rag : Rag.values()) {
        Gauge.builder("triage.contacts.open", () -> openCount(lane, rag))
            .description("Open contacts by lane and RAG (refreshed from the store at most every few seconds)")
            .tag("lane", lane.name()).tag("rag", rag.name())
            .register(registry);
      }
    }
    // Every outcome at 0 from the start, so the 24-hour KPI and its alert have series before the first decision.
    for (MashOutcome outcome : MashOutcome.values()) {
      decisions(outcome, true);
      decisions(outcome, false);
    }
    decisionTime.register(registry);
  }

  private Counter decisions(MashOutcome outcome, boolean onTime) {
    return Counter.builder("triage.decisions")
        .description("Decisions signed off, by outcome and whether on time")
        .tag("outcome", outcome.name())
        .tag("on_time", Boolean.toString(onTime))
        .register(registry);
  }

  @Override
  public void referralReceived(Source source, Lane lane, boolean joined) {
    Counter.builder("triage.referrals.received")
        .description("Referrals reaching the front door, by source agency and lane; joined = added to an open contact")
        .tag("source", source.agency() == null ? "UNKNOWN" : source.agency())
        .tag("referral_type", source.referralType().name())
        .tag("lane", lane.name())
        .tag("joined", Boolean.toString(joined))
        .register(registry).increment();
  }

  @Override
  public void decided(TriageDecision decision, Duration receiptToDecision) {
    decisions(decision.outcome(), decision.onTime()).increment();
    decisionTime.register(registry).record(receiptToDecision);
  }

  @Override
  public void deadlineFired(Rag rag, Duration lag) {
    Timer.builder("triage.deadline.firing.lag")
        .description("How long after its scheduled instant a RAG change was announced")
        .tag("rag", rag.name())
        .publishPercentiles(0.5, 0.99)
        .register(registry).record(lag.isNegative() ? Duration.ZERO : lag);
  }

  private synchronized double openCount(Lane lane, Rag rag) {
    Instant now = clock.instant();
    if (snapshot == null || !now.isBefore(snapshotAt.plus(gaugeRefresh)) || now.isBefore(snapshotAt)) {
      snapshot = contacts.countOpen(due -> ragPolicy.ragAt(due, now));
      snapshotAt = now;
    }
    return snapshot.get(lane).get(rag);
  }
}
