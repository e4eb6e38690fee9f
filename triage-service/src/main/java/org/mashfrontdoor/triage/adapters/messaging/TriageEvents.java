package org.mashfrontdoor.triage.adapters.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.triage.application.OutgoingTriageEvents;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.Lane;
import org.mashfrontdoor.triage.domain.Rag;
import org.mashfrontdoor.triage.domain.RagReport;
import org.mashfrontdoor.triage.domain.TriageDecision;
import org.mashfrontdoor.triage.domain.TriageEvent;

/**
 * What triage publishes on {@code mash.triage.events} (through the outbox, never directly), and the data records
 * of each type (docs/events.md). The subject, and so the Kafka key, of contact events is the contact's opening
 * referral id, so all of a contact's events keep their order.
 */
public final class TriageEvents implements OutgoingTriageEvents {

  public static final String SOURCE = "/mash/triage-service";

  public static final String CONTACT_OPENED = "triage.contact-opened.v1";
  public static final String REFERRAL_JOINED = "triage.referral-joined.v1";
  public static final String DEADLINE_APPROACHING = "triage.deadline-approaching.v1";
  public static final String DEADLINE_BREACHED = "triage.deadline-breached.v1";
  public static final String DECISION_RECORDED = "triage.decision-recorded.v1";
  public static final String RAG_REPORT = "triage.rag-report.v1";


  public record ContactOpenedV1(String contactId, String referralId, String reference, Instant receivedAt,
      Instant decisionDueBy, boolean urgent, List<String> urgentReasons, String rag, String lane, String source,
      String referralType) {
  }

  public record ReferralJoinedV1(String contactId, String referralId, String reference, List<String> referralIds,
      Instant decisionDueBy, boolean urgent, String lane) {
  }

  public record DeadlineV1(String contactId, String referralId, String reference, List<String> referralIds,
      Instant decisionDueBy, String rag, Instant scheduledFor) {
  }

  /**
   * Personal data only where a consumer uses it (docs/events.md): {@code rationale} only when the outcome hands the
   * child on (case-service keeps it with the case it opens), never for an outcome that closes the contact at the
   * front door; {@code adviceToReferrer}, when given, for intake to show the referrer. Absent fields are left out.
   */
  public record DecisionRecordedV1(String contactId, String referralId, String reference, List<String> referralIds,
      String outcome, int levelOfNeed, @JsonInclude(JsonInclude.Include.NON_NULL) String rationale,
      @JsonInclude(JsonInclude.Include.NON_NULL) String adviceToReferrer, Instant receivedAt, Instant decidedAt,
      Instant decisionDueBy, boolean onTime) {
  }

  public record RagReportV1(String reportId, LocalDateTime slot, Instant slotAt, Instant generatedAt,
      Map<Lane, Map<Rag, Long>> byLane, Map<Rag, Long> total) {
  }

  @Override
  public EventEnvelope envelope(TriageEvent event) {
    Contact c = event.contact();
    String type;
    Object data;
    switch (event) {
      case TriageEvent.ContactOpened opened -> {
        type = CONTACT_OPENED;
        data = new ContactOpenedV1(c.contactId(), c.referralId(), c.reference(), c.receivedAt(), c.decisionDueBy(),
            c.urgent(), opened.urgentReasons().stream().map(Enum::name).toList(), opened.rag().name(),
            c.lane().name(), c.sources().getFirst().agency(), c.sources().getFirst().referralType().name());
      }
      case TriageEvent.ReferralJoined joined -> {
        type = REFERRAL_JOINED;
        data = new ReferralJoinedV1(c.contactId(), joined.source().referralId(), joined.source().reference(),
            c.referralIds(), c.decisionDueBy(), c.urgent(), c.lane().name());
      }
      case TriageEvent.DeadlineApproaching approaching -> {
        type = DEADLINE_APPROACHING;
        data = new DeadlineV1(c.contactId(), c.referralId(), c.reference(), c.referralIds(), c.decisionDueBy(),
            approaching.rag().name(), approaching.scheduledFor());
      }
      case TriageEvent.DeadlineBreached breached -> {
        type = DEADLINE_BREACHED;
        data = new DeadlineV1(c.contactId(), c.referralId(), c.reference(), c.referralIds(), c.decisionDueBy(),
            Rag.BREACHED.name(), breached.scheduledFor());
      }
      case TriageEvent.DecisionRecorded recorded -> {
        type = DECISION_RECORDED;
        TriageDecision d = c.decision();
        data = new DecisionRecordedV1(c.contactId(), c.referralId(), c.reference(), c.referralIds(),
            d.outcome().name(), d.levelOfNeed(), d.outcome().closesAtTheFrontDoor() ? null : d.rationale(),
            d.adviceToReferrer(), c.receivedAt(), d.decidedAt(), c.decisionDueBy(), d.onTime());
      }
    }
    return EventEnvelope.create(SOURCE, type, c.referralId(), event.at(), data);
  }

  @Override
  public EventEnvelope envelope(RagReport report) {
    Map<Rag, Long> total = new java.util.EnumMap<>(Rag.class);
    report.counts().values().forEach(byRag -> byRag.forEach((rag, n) -> total.merge(rag, n, Long::sum)));
    return EventEnvelope.create(SOURCE, RAG_REPORT, report.id(), report.generatedAt(),
        new RagReportV1(report.id(), report.slot(), report.slotAt(), report.generatedAt(), report.counts(), total));
  }
}
