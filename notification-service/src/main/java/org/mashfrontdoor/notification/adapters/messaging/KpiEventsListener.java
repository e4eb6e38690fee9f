package org.mashfrontdoor.notification.adapters.messaging;

import org.mashfrontdoor.platform.codes.MashOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.mashfrontdoor.notification.application.KpiReplay;
import org.mashfrontdoor.notification.application.ProjectingKpis;
import org.mashfrontdoor.notification.domain.kpi.PathwayMilestone;
import org.mashfrontdoor.platform.codes.CaseDeadlineKind;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.inbox.EventConsumerErrorHandling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Projects the KPIs from {@code mash.triage.events} and {@code mash.case.events}, in a consumer group of its own
 * ({@code notification-service-kpis}) so a rebuild rewinds only this projection, never the alerts. An event this
 * projection cannot use is skipped and counted ({@code mash_kpi_events_skipped_total}), not dead-lettered: the
 * alert listeners read the same records and dead-letter what is malformed, once.
 */
@Component
public class KpiEventsListener extends AbstractConsumerSeekAware implements KpiReplay {

  /** The listener's id; its group is the service's group id + {@code -kpis}. */
  public static final String GROUP = "notification-service-kpis";
  private static final Logger log = LoggerFactory.getLogger(KpiEventsListener.class);

  private final ProjectingKpis projecting;
  private final Counter skipped;

  public KpiEventsListener(ProjectingKpis projecting, MeterRegistry registry) {
    this.projecting = projecting;
    this.skipped = Counter.builder("mash.kpi.events.skipped")
        .description("Events the KPI projection could not use (malformed or lacking what it counts)")
        .register(registry);
  }

  /**
   * A batch at a time: the projection's writes are idempotent, so committing offsets once per batch (rather than
   * per record, as the alert listeners must) loses nothing and lets a rebuild read thousands of events a second.
   */
  @KafkaListener(id = GROUP, groupId = "${spring.kafka.consumer.group-id}-kpis",
      topics = {Topics.TRIAGE_EVENTS, Topics.CASE_EVENTS}, containerFactory = "kpiListenerFactory")
  public void on(List<String> values) {
    values.forEach(this::on);
  }

  void on(String value) {
    EventEnvelope event;
    try {
      event = EventJson.read(value);
    } catch (RuntimeException malformed) {
      skip("malformed", null);
      return;
    }
    try {
      project(event);
    } catch (RuntimeException failure) {
      if (!EventConsumerErrorHandling.canNeverSucceed(failure)) {
        throw failure; // the store or broker: waited out by the container's error handler, then tried again
      }
      skip(failure.getClass().getSimpleName(), event);
    }
  }

  private void project(EventEnvelope event) {
    switch (event.type()) {
      case ContactOpenedData.TYPE -> {
        ContactOpenedData data = event.dataAs(ContactOpenedData.class);
        require(data.referralId() != null && data.receivedAt() != null && data.decisionDueBy() != null);
        projecting.contactOpened(contactId(event, data.referralId()), data.source(), data.referralType(),
            data.lane(), data.urgentReasons(), data.receivedAt(), data.decisionDueBy());
      }
      case DecisionRecordedData.TYPE -> {
        DecisionRecordedData data = event.dataAs(DecisionRecordedData.class);
        require(data.outcome() != null && data.receivedAt() != null && data.decisionDueBy() != null
            && data.decidedAt() != null);
        projecting.contactDecided(contactId(event, data.contactId()), MashOutcome.valueOf(data.outcome()),
            data.receivedAt(), data.decisionDueBy(), data.decidedAt());
      }
      case CaseMilestoneData.ICPC_HELD_TYPE -> milestone(event, CaseDeadlineKind.ICPC);
      case CaseMilestoneData.ASSESSMENT_COMPLETED_TYPE -> milestone(event, CaseDeadlineKind.ASSESSMENT);
      case CaseMilestoneData.EARLY_HELP_STARTED_TYPE -> milestone(event, CaseDeadlineKind.EARLY_HELP_START);
      default -> {
        // deadlines, joins, RAG reports and the case's other steps: not counted on the scorecard
      }
    }
  }

  private void milestone(EventEnvelope event, CaseDeadlineKind kind) {
    CaseMilestoneData data = event.dataAs(CaseMilestoneData.class);
    require(data.at() != null && data.onTime() != null);
    projecting.milestoneReached(new PathwayMilestone(event.id(), kind, data.at(), data.onTime()));
  }

  /** Contact events are keyed by the contact's opening referral id (the subject). */
  private static String contactId(EventEnvelope event, String fromData) {
    String id = event.subject() != null ? event.subject() : fromData;
    require(id != null);
    return id;
  }

  private static void require(boolean present) {
    if (!present) {
      throw new IllegalArgumentException("lacks a field the KPIs count");
    }
  }

  private void skip(String why, EventEnvelope event) {
    skipped.increment();
    log.warn("KPI projection skipped event {} ({}): {}", event == null ? "?" : event.id(),
        event == null ? "?" : event.type(), why);
  }

  @Override
  public void fromTheStart() {
    seekToBeginning();
  }
}
