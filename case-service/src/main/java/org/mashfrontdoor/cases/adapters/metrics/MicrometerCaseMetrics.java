package org.mashfrontdoor.cases.adapters.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.mashfrontdoor.cases.application.CaseMetrics;
import org.mashfrontdoor.cases.domain.StatutoryClocks;
import org.mashfrontdoor.platform.codes.CaseDeadlineKind;
import org.mashfrontdoor.platform.deadlines.Deadline;

/**
 * The statutory KPIs as counters (docs/metrics.md): {@code mash_case_deadlines_met_total{kind, on_time}} gives
 * "ICPC within 15 working days", "assessments within 45 working days" and "early help started within 4 weeks" as
 * on_time="true" over all; {@code mash_case_deadline_alarms_total{kind, alarm}} counts approaching and breached
 * announcements; {@code mash_case_deadline_firing_lag_seconds} how late the clock fired them.
 */
public final class MicrometerCaseMetrics implements CaseMetrics {

  private final MeterRegistry registry;

  /**
   * Registers every counter the current clocks can produce at 0, so the KPI ratios and breach alerts have series
   * from the start (a deadline met under an older policy adds its own series when it happens).
   */
  public MicrometerCaseMetrics(MeterRegistry registry, StatutoryClocks clocks) {
    this.registry = registry;
    for (CaseDeadlineKind kind : CaseDeadlineKind.values()) {
      for (boolean onTime : new boolean[] {true, false}) {
        deadlinesMet(kind.name(), onTime, clocks.clock(kind).policy().id());
      }
      for (Deadline.Alarm alarm : Deadline.Alarm.values()) {
        alarms(kind.name(), alarm);
      }
    }
  }

  private Counter deadlinesMet(String kind, boolean onTime, String policy) {
    return Counter.builder("mash.case.deadlines.met")
        .description("Statutory deadlines met, on time or late (ICPC, ASSESSMENT, EARLY_HELP_START, CHILD_SEEN)")
        .tag("kind", kind)
        .tag("on_time", String.valueOf(onTime))
        .tag("policy", policy)
        .register(registry);
  }

  private Counter alarms(String kind, Deadline.Alarm alarm) {
    return Counter.builder("mash.case.deadline.alarms")
        .description("Approaching and breached announcements of case deadlines")
        .tag("kind", kind).tag("alarm", alarm.name())
        .register(registry);
  }

  @Override
  public void deadlineMet(Deadline met) {
    deadlinesMet(met.kind(), Boolean.TRUE.equals(met.onTime()), met.policy().id()).increment();
  }

  @Override
  public void deadlineFired(String kind, Deadline.Alarm alarm, Duration lag) {
    alarms(kind, alarm).increment();
    Timer.builder("mash.case.deadline.firing.lag")
        .description("From the instant a case deadline alarm was due to its event being written")
        .publishPercentileHistogram()
        .register(registry).record(lag.isNegative() ? Duration.ZERO : lag);
  }
}
