package org.mashfrontdoor.triage.adapters.messaging;

import org.mashfrontdoor.platform.codes.MashOutcome;
import org.mashfrontdoor.platform.codes.DashRiskLevel;
import org.mashfrontdoor.platform.codes.ReferralType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.testsupport.EventContract;
import org.mashfrontdoor.triage.application.OpeningContact;
import org.mashfrontdoor.triage.domain.Child;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.Lane;
import org.mashfrontdoor.triage.domain.Rag;
import org.mashfrontdoor.triage.domain.RagPolicy;
import org.mashfrontdoor.triage.domain.RagReport;
import org.mashfrontdoor.triage.domain.ReceivedReferrals;
import org.mashfrontdoor.triage.domain.Referral;
import org.mashfrontdoor.triage.domain.Role;
import org.mashfrontdoor.triage.domain.Staff;
import org.mashfrontdoor.triage.domain.TriageEvent;
import org.mashfrontdoor.triage.domain.UrgencyReason;

/** Triage against docs/asyncapi.yaml: each of its six types conforms; its reader of referrals reads the example. */
@DisplayName("triage-service's events against the contract (docs/asyncapi.yaml)")
class EventContractTest {

  static final TriageEvents EVENTS = new TriageEvents();
  static final Instant RECEIVED = Instant.parse("2026-03-02T09:15:00Z");
  static final RagPolicy RAG = new RagPolicy(Duration.ofHours(8), Duration.ofHours(2));
  static final Staff WORKER = new Staff("sw-1", Role.MASH_SOCIAL_WORKER);
  static final Staff MANAGER = new Staff("mgr-1", Role.MASH_MANAGER);

  private final EventContract contract = EventContract.get();

  static Referral referral(String id, ReferralType type, String agency, DashRiskLevel dash, List<String> linked) {
    return ReceivedReferrals.dueWithin24Hours(id, "MARF-2026-000123", type, agency, "Example", RECEIVED, true, dash,
        List.of(new Child(LocalDate.parse("2025-09-01"), true)), true, linked);
  }

  @Test
  @DisplayName("every type triage emits conforms to its schema, and they are all of mash.triage.events")
  void everyTypeConforms() {
    Referral police = referral("7d3f5c1e-2a4b-4c8d-9e0f-112233445566", ReferralType.POLICE_NOTIFICATION, "POLICE",
        DashRiskLevel.MEDIUM, List.of());
    Referral school = referral("0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5", ReferralType.MARF, "SCHOOL", null,
        List.of(police.referralId()));
    Contact opened = Contact.open(police, RAG, RECEIVED);
    Contact joined = opened.join(school, RECEIVED.plusSeconds(60));
    Instant later = RECEIVED.plus(Duration.ofHours(20));
    Contact handedOn = joined.recommend(MashOutcome.SINGLE_ASSESSMENT, 3, "reasons", null, WORKER, later)
        .signOff(MashOutcome.SINGLE_ASSESSMENT, 3, "reasons", "a social worker will call", MANAGER, later);
    Contact closed = joined.recommend(MashOutcome.NO_FURTHER_ACTION, 1, "reasons", "advice", WORKER, later)
        .signOff(MashOutcome.NO_FURTHER_ACTION, 1, "reasons", "keep supporting", MANAGER, later);
    Map<Lane, Map<Rag, Long>> counts = new EnumMap<>(Lane.class);
    for (Lane lane : Lane.values()) {
      Map<Rag, Long> byRag = new EnumMap<>(Rag.class);
      for (Rag rag : Rag.values()) {
        byRag.put(rag, (long) rag.ordinal());
      }
      counts.put(lane, byRag);
    }

    List<EventEnvelope> events = new ArrayList<>(List.of(
        EVENTS.envelope(new TriageEvent.ContactOpened(opened, Rag.GREEN, List.of(UrgencyReason.values()),
            RECEIVED)),
        EVENTS.envelope(new TriageEvent.ReferralJoined(joined, school.source(), RECEIVED.plusSeconds(60))),
        EVENTS.envelope(new TriageEvent.DeadlineApproaching(joined, Rag.AMBER, later, later)),
        EVENTS.envelope(new TriageEvent.DeadlineApproaching(joined, Rag.RED, later, later)),
        EVENTS.envelope(new TriageEvent.DeadlineBreached(joined, later, later)),
        EVENTS.envelope(new TriageEvent.DecisionRecorded(handedOn, later)),
        EVENTS.envelope(new TriageEvent.DecisionRecorded(closed, later)),
        EVENTS.envelope(new RagReport(LocalDateTime.parse("2026-03-02T09:00"), RECEIVED, RECEIVED, counts))));

    Set<String> emitted = new TreeSet<>();
    for (EventEnvelope event : events) {
      contract.assertConforms(event);
      emitted.add(event.type());
    }
    assertThat(emitted).isEqualTo(contract.typesOn(Topics.TRIAGE_EVENTS));
    assertThat(EventJson.write(events.get(6))).as("no rationale for an outcome that closes at the front door")
        .doesNotContain("rationale");
  }

  @Test
  @DisplayName("its lists in the contract are triage's own values")
  void listsAreTriages() {
    contract.assertListIs("Rag", Rag.class);
    contract.assertListIs("Lane", Lane.class);
    contract.assertListIs("UrgencyReason", UrgencyReason.class);
  }

  @Test
  @DisplayName("its reader of referral.received.v1 reads every field from the example, and opens the contact")
  void readerReadsTheExample() {
    contract.assertReadsExamples(ReferralReceivedV1.class, ReferralReceivedV1.TYPE);
    for (String example : contract.examples(ReferralReceivedV1.TYPE)) {
      OpeningContact opening = mock(OpeningContact.class);
      new ReferralEventsListener(opening).on(List.of(new ConsumerRecord<>(Topics.REFERRAL_EVENTS, 0, 0L, "key",
          example)));
      EventEnvelope event = EventJson.read(example);
      verify(opening).openAll(argThat(received -> received.size() == 1
          && received.getFirst().eventId().equals(event.id())));
    }
  }
}
