package org.mashfrontdoor.triage;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.mashfrontdoor.platform.audit.AuditLedger;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.mashfrontdoor.platform.persistence.MongoAuditLedger;
import org.mashfrontdoor.platform.staffpages.StaffAccessTokens;
import org.mashfrontdoor.triage.adapters.services.IntakeClient;
import org.mashfrontdoor.triage.adapters.services.NotificationAlerts;
import org.mashfrontdoor.triage.adapters.web.workspace.WorkspaceProperties;
import org.mashfrontdoor.triage.adapters.clock.DeadlineClockLoop;
import org.mashfrontdoor.triage.adapters.messaging.TriageEvents;
import org.mashfrontdoor.triage.adapters.metrics.MicrometerFrontDoorMetrics;
import org.mashfrontdoor.triage.adapters.persistence.MongoContacts;
import org.mashfrontdoor.triage.adapters.persistence.MongoRagReports;
import org.mashfrontdoor.triage.adapters.persistence.LedgerReadAudit;
import org.mashfrontdoor.triage.adapters.persistence.MongoReferrals;
import org.mashfrontdoor.triage.application.AlertFeed;
import org.mashfrontdoor.triage.application.Contacts;
import org.mashfrontdoor.triage.application.FollowingAlerts;
import org.mashfrontdoor.triage.application.Intake;
import org.mashfrontdoor.triage.application.FiringDeadlines;
import org.mashfrontdoor.triage.application.FrontDoorMetrics;
import org.mashfrontdoor.triage.application.OpeningContact;
import org.mashfrontdoor.triage.application.OutgoingTriageEvents;
import org.mashfrontdoor.triage.application.RagReports;
import org.mashfrontdoor.triage.application.ReadAudit;
import org.mashfrontdoor.triage.application.RecordingChecks;
import org.mashfrontdoor.triage.application.RecordingDecision;
import org.mashfrontdoor.triage.application.RecordingPhoneContact;
import org.mashfrontdoor.triage.application.RecordingRecommendation;
import org.mashfrontdoor.triage.application.Referrals;
import org.mashfrontdoor.triage.application.ReportingRag;
import org.mashfrontdoor.triage.application.ViewingContacts;
import org.mashfrontdoor.triage.domain.RagPolicy;
import org.mashfrontdoor.triage.domain.RagReportSchedule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the use cases to their adapters and the configured RAG and report policies. The decision deadline itself
 * comes with each referral: intake sets it (docs/architecture.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TriageProperties.class)
class TriageConfiguration {

  @Bean
  OutgoingTriageEvents outgoingTriageEvents() {
    return new TriageEvents();
  }

  @Bean
  Contacts contacts(OutboxRelay relay, Clock clock, OutgoingTriageEvents events) {
    return new MongoContacts(relay, clock, events);
  }

  @Bean
  RagReports ragReports(OutboxRelay relay, OutgoingTriageEvents events) {
    return new MongoRagReports(relay, events);
  }

  @Bean
  RagPolicy ragPolicy(TriageProperties settings) {
    return new RagPolicy(settings.rag().amber(), settings.rag().red());
  }

  @Bean
  RagReportSchedule ragReportSchedule(TriageProperties settings) {
    TriageProperties.RagReport report = settings.ragReport();
    return new RagReportSchedule(report.times(), report.zone(), report.grace());
  }

  @Bean
  FrontDoorMetrics frontDoorMetrics(MeterRegistry registry, Contacts contacts, RagPolicy ragPolicy, Clock clock,
      TriageProperties settings) {
    return new MicrometerFrontDoorMetrics(registry, contacts, ragPolicy, clock, settings.metrics().gaugeRefresh());
  }

  @Bean
  Referrals referrals(MongoDatabase database) {
    return new MongoReferrals(database);
  }

  @Bean
  OpeningContact openingContact(Contacts contacts, Referrals referrals, RagPolicy ragPolicy, Clock clock,
      FrontDoorMetrics metrics) {
    return new OpeningContact(contacts, referrals, ragPolicy, clock, metrics);
  }

  /** Triage's hash-chained audit ledger; its verification is served at /api/v1/audit/verify (platform). */
  @Bean
  AuditLedger auditLedger(MongoDatabase database) {
    return new MongoAuditLedger(database);
  }

  @Bean
  ReadAudit readAudit(AuditLedger ledger) {
    return new LedgerReadAudit(ledger);
  }

  @Bean
  ViewingContacts viewingContacts(Contacts contacts, Referrals referrals, ReadAudit readAudit, RagPolicy ragPolicy,
      Clock clock) {
    return new ViewingContacts(contacts, referrals, readAudit, ragPolicy, clock);
  }

  @Bean
  RecordingChecks recordingChecks(Contacts contacts, RagPolicy ragPolicy, Clock clock) {
    return new RecordingChecks(contacts, ragPolicy, clock);
  }

  @Bean
  RecordingRecommendation recordingRecommendation(Contacts contacts, RagPolicy ragPolicy, Clock clock) {
    return new RecordingRecommendation(contacts, ragPolicy, clock);
  }

  @Bean
  RecordingDecision recordingDecision(Contacts contacts, RagPolicy ragPolicy, Clock clock,
      FrontDoorMetrics metrics) {
    return new RecordingDecision(contacts, ragPolicy, clock, metrics);
  }

  @Bean
  FiringDeadlines firingDeadlines(Contacts contacts, RagPolicy ragPolicy, Clock clock,
      TriageProperties settings, FrontDoorMetrics metrics) {
    return new FiringDeadlines(contacts, ragPolicy, clock, settings.deadlineClock().batchSize(), metrics);
  }

  @Bean
  ReportingRag reportingRag(Contacts contacts, RagReports reports, RagReportSchedule schedule, RagPolicy ragPolicy,
      Clock clock) {
    return new ReportingRag(contacts, reports, schedule, ragPolicy, clock);
  }

  @Bean
  DeadlineClockLoop deadlineClockLoop(FiringDeadlines firingDeadlines, ReportingRag reportingRag,
      TriageProperties settings) {
    return new DeadlineClockLoop(firingDeadlines, reportingRag, settings.deadlineClock().pollInterval());
  }

  /** notification-service's alerts, asked as the signed-in member of staff (the workspace's alerts page). */
  @Bean
  AlertFeed alertFeed(WorkspaceProperties workspace, ObjectProvider<StaffAccessTokens> tokens) {
    return new NotificationAlerts(workspace.alertsUrl(), tokens);
  }

  @Bean
  FollowingAlerts followingAlerts(AlertFeed feed) {
    return new FollowingAlerts(feed);
  }

  /** Intake, where staff-recorded phone and email contacts enter like every other. */
  @Bean
  Intake intake(WorkspaceProperties workspace, ObjectProvider<StaffAccessTokens> tokens) {
    return new IntakeClient(workspace.intakeUrl(), tokens);
  }

  @Bean
  RecordingPhoneContact recordingPhoneContact(Intake intake) {
    return new RecordingPhoneContact(intake);
  }
}
