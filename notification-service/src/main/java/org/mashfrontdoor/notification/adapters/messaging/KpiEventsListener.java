package org.mashfrontdoor.notification.adapters.messaging;

import org.mashfrontdoor.platform.codes.MashOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mashfrontdoor.notification.application.KpiFacts;
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

  /** An event's fact, and the event it came from (for the log, should the fact turn out unusable). */
  private record Counted(EventEnvelope event, KpiFacts.Fact fact) {
  }

  /** An event this projection cannot use, and why: counted and logged once the batch is written. */
  private record Skipped(EventEnvelope event, String why) {
  }

  /**
   * A batch at a time: the projection's writes are idempotent and order-free, so the batch's facts go in one write
   * per collection and offsets are committed once per batch (rather than per record, as the alert listeners must).
   * A fault is waited out and the whole batch comes again; bad data is skipped, never thrown, and counted once the
   * batch is written (so a batch waited out is not counted again on every try).
   */
  @KafkaListener(id = GROUP, groupId = "${spring.kafka.consumer.group-id}-kpis",
      topics = {Topics.TRIAGE_EVENTS, Topics.CASE_EVENTS}, containerFactory = "kpiListenerFactory")
  public void on(List<String> values) {
    List<Counted> facts = new ArrayList<>();
    List<Skipped> skips = new ArrayList<>();
    for (String value : values) {
      factOf(value, skips).ifPresent(facts::add);
    }
    write(facts, skips);
    skips.forEach(s -> skip(s.why(), s.event()));
  }

  /**
   * All in one write; should that fail for a reason no retry changes (a value the store cannot take), one at a time,
   * skipping the facts that cannot be written.
   */
  private void write(List<Counted> facts, List<Skipped> skips) {
    try {
      projecting.projectAll(facts.stream().map(Counted::fact).toList());
      return;
    } catch (RuntimeException e) {
      if (!EventConsumerErrorHandling.canNeverSucceed(e)) {
        throw e; // the store or broker: waited out by the container's error handler, then tried again
      }
    }
    for (Counted one : facts) {
      try {
        projecting.projectAll(List.of(one.fact()));
      } catch (RuntimeException e) {
        if (!EventConsumerErrorHandling.canNeverSucceed(e)) {
          throw e;
        }
        skips.add(new Skipped(one.event(), e.getClass().getSimpleName()));
      }
    }
  }

  /** The fact an event adds to the projection; empty when it adds none or cannot be used (then in {@code skips}). */
  private static Optional<Counted> factOf(String value, List<Skipped> skips) {
    EventEnvelope event;
    try {
      event = EventJson.read(value);
    } catch (RuntimeException malformed) {
      skips.add(new Skipped(null, "malformed"));
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(project(event)).map(fact -> new Counted(event, fact));
    } catch (RuntimeException failure) {
      if (!EventConsumerErrorHandling.canNeverSucceed(failure)) {
        throw failure;
      }
      skips.add(new Skipped(event, failure.getClass().getSimpleName()));
      return Optional.empty();
    }
  }

  private static KpiFacts.Fact project(EventEnvelope event) {
    return switch (event.type()) {
      case ContactOpenedData.TYPE -> {
        ContactOpenedData data = event.dataAs(ContactOpenedData.class);
        require(data.referralId() != null && data.receivedAt() != null && data.decisionDueBy() != null);
        yield ProjectingKpis.contactOpened(contactId(event, data.referralId()), data.source(), data.referralType(),
            data.lane(), data.urgentReasons(), data.receivedAt(), data.decisionDueBy());
      }
      case DecisionRecordedData.TYPE -> {
        DecisionRecordedData data = event.dataAs(DecisionRecordedData.class);
        require(data.outcome() != null && data.receivedAt() != null && data.decisionDueBy() != null
            && data.decidedAt() != null);
        yield ProjectingKpis.contactDecided(contactId(event, data.contactId()), MashOutcome.valueOf(data.outcome()),
            data.receivedAt(), data.decisionDueBy(), data.decidedAt());
      }
      case CaseMilestoneData.ICPC_HELD_TYPE -> milestone(event, CaseDeadlineKind.ICPC);
      case CaseMilestoneData.ASSESSMENT_COMPLETED_TYPE -> milestone(event, CaseDeadlineKind.ASSESSMENT);
      case CaseMilestoneData.EARLY_HELP_STARTED_TYPE -> milestone(event, CaseDeadlineKind.EARLY_HELP_START);
      default -> null; // deadlines, joins, RAG reports and the case's other steps: not counted on the scorecard
    };
  }

  private static KpiFacts.Fact milestone(EventEnvelope event, CaseDeadlineKind kind) {
    CaseMilestoneData data = event.dataAs(CaseMilestoneData.class);
    require(data.at() != null && data.onTime() != null);
    return ProjectingKpis.milestoneReached(new PathwayMilestone(event.id(), kind, data.at(), data.onTime()));
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
