package org.mashfrontdoor.cases;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.mashfrontdoor.cases.adapters.clock.CaseClockLoop;
import org.mashfrontdoor.cases.adapters.messaging.CaseEvents;
import org.mashfrontdoor.cases.adapters.metrics.MicrometerCaseMetrics;
import org.mashfrontdoor.cases.adapters.persistence.LedgerCaseReadAudit;
import org.mashfrontdoor.cases.adapters.persistence.MongoCases;
import org.mashfrontdoor.cases.application.CaseMetrics;
import org.mashfrontdoor.cases.application.CaseReadAudit;
import org.mashfrontdoor.cases.application.Cases;
import org.mashfrontdoor.cases.application.FiringCaseDeadlines;
import org.mashfrontdoor.cases.application.OpeningCase;
import org.mashfrontdoor.cases.application.RecordingCaseWork;
import org.mashfrontdoor.cases.application.ViewingCases;
import org.mashfrontdoor.platform.audit.AuditLedger;
import org.mashfrontdoor.platform.codes.CaseDeadlineKind;
import org.mashfrontdoor.platform.persistence.MongoAuditLedger;
import org.mashfrontdoor.cases.domain.StatutoryClocks;
import org.mashfrontdoor.platform.deadlines.WithinWeeks;
import org.mashfrontdoor.platform.deadlines.WorkingDays;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.mashfrontdoor.platform.time.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the use cases to their adapters and the statutory clocks; the application classes stay free of Spring. */
@Configuration(proxyBeanMethods = false)
class CaseServiceConfiguration {

  @Bean
  Cases cases(OutboxRelay outbox, Clock clock) {
    return new MongoCases(outbox, clock, CaseEvents::envelope);
  }

  /** case-service's hash-chained audit ledger; its verification is served at /api/v1/audit/verify (platform). */
  @Bean
  AuditLedger auditLedger(MongoDatabase database) {
    return new MongoAuditLedger(database);
  }

  @Bean
  CaseReadAudit caseReadAudit(AuditLedger ledger) {
    return new LedgerCaseReadAudit(ledger);
  }

  @Bean
  CaseMetrics caseMetrics(MeterRegistry registry, StatutoryClocks clocks) {
    return new MicrometerCaseMetrics(registry, clocks);
  }

  /**
   * ICPC 15 working days of the strategy discussion and assessments 45 working days of the referral are statutory
   * (Working Together); the child seen (3 working days) and early help (4 weeks) are local standards, configurable.
   */
  @Bean
  StatutoryClocks statutoryClocks(@Value("${mash.cases.clocks.child-seen-working-days}") int childSeenDays,
      @Value("${mash.cases.clocks.early-help-weeks}") int earlyHelpWeeks,
      @Value("${mash.cases.clocks.warn-before.child-seen}") Duration childSeenWarning,
      @Value("${mash.cases.clocks.warn-before.assessment}") Duration assessmentWarning,
      @Value("${mash.cases.clocks.warn-before.icpc}") Duration icpcWarning,
      @Value("${mash.cases.clocks.warn-before.early-help-start}") Duration earlyHelpWarning) {
    WorkingDayCalendar calendar = WorkingDayCalendar.englandAndWales();
    Map<CaseDeadlineKind, StatutoryClocks.Clock> clocks = new EnumMap<>(CaseDeadlineKind.class);
    clocks.put(CaseDeadlineKind.CHILD_SEEN, new StatutoryClocks.Clock(new WorkingDays(childSeenDays, calendar),
        childSeenWarning));
    clocks.put(CaseDeadlineKind.ASSESSMENT, new StatutoryClocks.Clock(new WorkingDays(45, calendar), assessmentWarning));
    clocks.put(CaseDeadlineKind.ICPC, new StatutoryClocks.Clock(new WorkingDays(15, calendar), icpcWarning));
    clocks.put(CaseDeadlineKind.EARLY_HELP_START, new StatutoryClocks.Clock(
        new WithinWeeks(earlyHelpWeeks, calendar.zone()), earlyHelpWarning));
    return new StatutoryClocks(clocks);
  }

  @Bean
  OpeningCase openingCase(Cases cases, StatutoryClocks clocks, Clock clock) {
    return new OpeningCase(cases, clocks, clock);
  }

  @Bean
  RecordingCaseWork recordingCaseWork(Cases cases, StatutoryClocks clocks, Clock clock, CaseMetrics metrics) {
    return new RecordingCaseWork(cases, clocks, clock, metrics);
  }

  @Bean
  ViewingCases viewingCases(Cases cases, CaseReadAudit audit, Clock clock) {
    return new ViewingCases(cases, audit, clock);
  }

  @Bean
  FiringCaseDeadlines firingCaseDeadlines(Cases cases, Clock clock, CaseMetrics metrics,
      @Value("${mash.cases.deadline-clock.batch-size}") int batchSize) {
    return new FiringCaseDeadlines(cases, clock, batchSize, metrics);
  }

  @Bean
  CaseClockLoop caseClockLoop(FiringCaseDeadlines firing,
      @Value("${mash.cases.deadline-clock.poll-interval}") Duration pollInterval) {
    return new CaseClockLoop(firing, pollInterval);
  }
}
