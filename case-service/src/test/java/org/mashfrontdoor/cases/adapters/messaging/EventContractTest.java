package org.mashfrontdoor.cases.adapters.messaging;

import org.mashfrontdoor.platform.codes.MashOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.cases.domain.AssessmentOutcome;
import org.mashfrontdoor.cases.domain.Case;
import org.mashfrontdoor.cases.domain.CaseTest;
import org.mashfrontdoor.cases.domain.CaseEvent;
import org.mashfrontdoor.cases.domain.CloseReason;
import org.mashfrontdoor.cases.domain.ConferenceOutcome;
import org.mashfrontdoor.cases.domain.Pathway;
import org.mashfrontdoor.cases.domain.Section47Outcome;
import org.mashfrontdoor.cases.domain.StatutoryClocks;
import org.mashfrontdoor.cases.domain.StepUp;
import org.mashfrontdoor.cases.domain.TriageDecision;
import org.mashfrontdoor.platform.codes.Agency;
import org.mashfrontdoor.platform.codes.CaseDeadlineKind;
import org.mashfrontdoor.platform.deadlines.Deadline;
import org.mashfrontdoor.platform.deadlines.WithinWeeks;
import org.mashfrontdoor.platform.deadlines.WorkingDays;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.testsupport.EventContract;
import org.mashfrontdoor.platform.time.WorkingDayCalendar;

/** case-service against docs/asyncapi.yaml: each of its thirteen types conforms; its decision reader reads the examples. */
@DisplayName("case-service's events against the contract (docs/asyncapi.yaml)")
class EventContractTest {

  static final StatutoryClocks CLOCKS = CaseTest.CLOCKS;
  static final Instant RECEIVED = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant DECIDED = Instant.parse("2026-03-02T14:00:00Z");
  static final Instant LATER = DECIDED.plus(Duration.ofDays(1));

  private final EventContract contract = EventContract.get();

  @Test
  @DisplayName("every type case-service emits conforms to its schema, and they are all of mash.case.events")
  void everyTypeConforms() {
    Case c = Case.openedBy(new TriageDecision("d-1", "7d3f5c1e-2a4b-4c8d-9e0f-112233445566",
            "7d3f5c1e-2a4b-4c8d-9e0f-112233445566", MashOutcome.SINGLE_ASSESSMENT, 3, "rationale", RECEIVED, DECIDED),
        CLOCKS, DECIDED).orElseThrow().after();
    Deadline childSeen = Deadline.start(CaseDeadlineKind.CHILD_SEEN.name(), new WorkingDays(3, CaseTest.CALENDAR), DECIDED,
        Duration.ofHours(24));
    Deadline met = childSeen.meet(LATER);
    List<CaseEvent> events = List.of(
        new CaseEvent.Opened(DECIDED),
        new CaseEvent.StrategyDiscussionHeld(LATER, true, List.of(Agency.POLICE, Agency.GP)),
        new CaseEvent.Section47Concluded(LATER, Section47Outcome.ICPC),
        new CaseEvent.ConferenceHeld(LATER, ConferenceOutcome.CHILD_PROTECTION_PLAN, met),
        new CaseEvent.ConferenceHeld(LATER, ConferenceOutcome.NO_PLAN, null),
        new CaseEvent.ChildSeen(LATER, met),
        new CaseEvent.ChildSeen(LATER, null),
        new CaseEvent.AssessmentCompleted(LATER, AssessmentOutcome.CHILD_IN_NEED_PLAN, met),
        new CaseEvent.SteppedDown(LATER),
        new CaseEvent.LeadProfessionalAssigned(LATER, Agency.SCHOOL, "Designated safeguarding lead"),
        new CaseEvent.EarlyHelpStarted(LATER, met),
        new CaseEvent.SteppedUp(LATER, new StepUp("worse", "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f", LATER, "sw-1")),
        new CaseEvent.Closed(LATER, CloseReason.STEPPED_UP),
        new CaseEvent.DeadlineApproaching(LATER, childSeen, LATER),
        new CaseEvent.DeadlineBreached(LATER, childSeen, LATER));

    Set<String> emitted = new TreeSet<>();
    for (CaseEvent event : events) {
      EventEnvelope envelope = CaseEvents.envelope(c, event);
      contract.assertConforms(envelope);
      emitted.add(envelope.type());
    }
    assertThat(emitted).isEqualTo(contract.typesOn(Topics.CASE_EVENTS));
  }

  @Test
  @DisplayName("its lists in the contract are case-service's own values")
  void listsAreCaseServices() {
    contract.assertListIs("Pathway", Pathway.class);
  }

  @Test
  @DisplayName("its reader of triage.decision-recorded.v1 reads every field it uses from the examples")
  void readerReadsTheExamples() {
    contract.assertReadsExamples(DecisionRecordedData.class, DecisionRecordedData.TYPE);
  }
}
