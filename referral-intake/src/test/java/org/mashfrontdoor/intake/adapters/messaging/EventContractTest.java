package org.mashfrontdoor.intake.adapters.messaging;

import org.mashfrontdoor.platform.codes.DashRiskLevel;
import org.mashfrontdoor.platform.codes.MashOutcome;
import org.mashfrontdoor.platform.codes.ReferralType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mashfrontdoor.intake.application.FollowingTriage;
import org.mashfrontdoor.intake.application.Referrals.Change;
import org.mashfrontdoor.intake.application.SteppingUp;
import org.mashfrontdoor.intake.domain.ConcernCategory;
import org.mashfrontdoor.intake.domain.LawfulBasis;
import org.mashfrontdoor.intake.domain.Links;
import org.mashfrontdoor.intake.domain.Milestone;
import org.mashfrontdoor.intake.domain.NewReferral;
import org.mashfrontdoor.intake.domain.Partner;
import org.mashfrontdoor.intake.domain.Referral;
import org.mashfrontdoor.intake.domain.Relationship;
import org.mashfrontdoor.intake.domain.RiskFactor;
import org.mashfrontdoor.intake.domain.Sex;
import org.mashfrontdoor.platform.codes.Agency;
import org.mashfrontdoor.platform.deadlines.ElapsedTime;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.testsupport.EventContract;

/** Intake against docs/asyncapi.yaml: what it publishes conforms; what it reads, it reads from the examples. */
@DisplayName("referral-intake's events against the contract (docs/asyncapi.yaml)")
class EventContractTest {

  static final Instant RECEIVED = Instant.parse("2026-03-02T09:15:00Z");
  static final ElapsedTime WITHIN_24H = new ElapsedTime(Duration.ofHours(24));

  private final EventContract contract = EventContract.get();

  /** A school's MARF with only what the form requires. */
  static NewReferral form() {
    return new NewReferral(ReferralType.MARF,
        new NewReferral.Referrer(Agency.SCHOOL, "Bishop's Oak Primary", "A. Teacher", "DSL", "dsl@example.org", null),
        List.of(new NewReferral.Child("Ava", "Marsh", LocalDate.of(2016, 3, 14), null, Sex.FEMALE, null,
            "9434765919", null, null, null, false)),
        null, new NewReferral.Concern(Set.of(ConcernCategory.NEGLECT), "summary", null, false, null), null, null,
        null);
  }

  @Test
  @DisplayName("referral.received.v1 conforms, for a partner's MARF and for a police notification with every part")
  void referralReceivedConforms() {
    assertThat(contract.typesOn(Topics.REFERRAL_EVENTS)).containsExactly(ReferralReceivedV1.TYPE);
    NewReferral sparse = form();
    NewReferral full = new NewReferral(ReferralType.POLICE_NOTIFICATION,
        new NewReferral.Referrer(Agency.POLICE, "West Mercia Police", "PC Smith", "officer", "pc@example.org",
            "01632 960001"),
        sparse.children(),
        new NewReferral.Household(List.of(new NewReferral.Adult("Jo", "Marsh", LocalDate.of(1990, 1, 1),
            Relationship.MOTHER)), Set.of(RiskFactor.DOMESTIC_ABUSE)),
        new NewReferral.Concern(Set.of(ConcernCategory.DOMESTIC_ABUSE), "incident", LocalDate.of(2026, 3, 1), true,
            4),
        new NewReferral.DomesticAbuse(DashRiskLevel.HIGH, true, true, null, null, "Example Primary"),
        new NewReferral.Consent(false, false, "would put the child at risk",
            LawfulBasis.SAFEGUARDING_CHILDREN_DPA_2018), "sw-7");
    Partner school = new Partner("school:bishop's oak primary", Agency.SCHOOL, "Bishop's Oak Primary");

    for (NewReferral form : List.of(sparse, full)) {
      Referral referral = Referral.received("7d3f5c1e-2a4b-4c8d-9e0f-112233445566", "MARF-2026-000123", school,
          form, RECEIVED, WITHIN_24H, Links.none(), List.of());
      contract.assertConforms(ReferralReceivedV1.eventFor(referral));
    }
  }

  @Test
  @DisplayName("its tolerant readers of triage.* and case.* read every field they use from the examples")
  void readersReadTheExamples() {
    contract.assertReadsExamples(TriageEventsListener.ReferralJoined.class, "triage.referral-joined.v1");
    contract.assertReadsExamples(TriageEventsListener.DecisionRecorded.class, "triage.decision-recorded.v1");
    contract.assertReadsExamples(CaseEventsListener.CaseOpened.class, "case.opened.v1");
    contract.assertReadsExamples(CaseEventsListener.SteppedUp.class, "case.stepped-up.v1");
  }

  @Test
  @DisplayName("each case milestone is taken from the time field the contract's example carries")
  void caseMilestonesReadTheirTimeField() {
    Map<String, Map.Entry<Milestone, String>> steps = Map.of(
        "case.strategy-discussion-held.v1", Map.entry(Milestone.STRATEGY_DISCUSSION_HELD, "heldAt"),
        "case.section-47-concluded.v1", Map.entry(Milestone.ENQUIRIES_CONCLUDED, "concludedAt"),
        "case.icpc-held.v1", Map.entry(Milestone.CONFERENCE_HELD, "heldAt"),
        "case.assessment-completed.v1", Map.entry(Milestone.ASSESSMENT_COMPLETED, "completedAt"),
        "case.stepped-down.v1", Map.entry(Milestone.STEPPED_DOWN_TO_EARLY_HELP, "steppedDownAt"),
        "case.early-help-started.v1", Map.entry(Milestone.EARLY_HELP_STARTED, "startedAt"),
        "case.closed.v1", Map.entry(Milestone.CASE_CLOSED, "closedAt"),
        "case.stepped-up.v1", Map.entry(Milestone.STEPPED_UP, "steppedUpAt"));
    Referral decided = Referral.received("7d3f5c1e-2a4b-4c8d-9e0f-112233445566", "MARF-2026-000123",
        new Partner("school:oak", Agency.SCHOOL, "Oak Primary"), form(), RECEIVED, WITHIN_24H, Links.none(),
        List.of()).decided(MashOutcome.STRATEGY_DISCUSSION, null, RECEIVED.plus(Duration.ofHours(5)));
    steps.forEach((type, step) -> {
      for (String example : contract.examples(type)) {
        FollowingTriage following = mock(FollowingTriage.class);
        when(following.follow(any())).thenReturn(true);
        new CaseEventsListener(following, mock(SteppingUp.class)).on(example);

        EventEnvelope event = EventJson.read(example);
        assertThat(event.data().has(step.getValue())).as("%s carries %s", type, step.getValue()).isTrue();
        Instant at = Instant.parse(event.data().get(step.getValue()).asString());
        assertThat(at).as("the example's %s differs from its envelope time, so a missing field shows", type)
            .isNotEqualTo(event.time());
        ArgumentCaptor<Change> change = ArgumentCaptor.forClass(Change.class);
        verify(following).follow(change.capture());
        assertThat(change.getValue().referralId()).isEqualTo(event.subject());
        assertThat(change.getValue().causedByEventId()).isEqualTo(event.id());
        assertThat(change.getValue().change().apply(decided).timeline())
            .contains(new Referral.StatusChange(step.getKey(), at, null, null));
      }
    });
  }
}
