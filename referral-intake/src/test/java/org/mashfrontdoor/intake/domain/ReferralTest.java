package org.mashfrontdoor.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.deadlines.AppliedPolicy;
import org.mashfrontdoor.platform.deadlines.ElapsedTime;

@DisplayName("A referral, as its referrer follows it")
class ReferralTest {

  static final Instant RECEIVED = Instant.parse("2026-11-23T09:00:00Z");
  static final ElapsedTime WITHIN_24H = new ElapsedTime(Duration.ofHours(24));
  static final Partner SCHOOL = new Partner("school:bishop's oak primary", Agency.SCHOOL, "Bishop's Oak Primary");

  static NewReferral form(ReferralType type, NewReferral.DomesticAbuse domesticAbuse) {
    return new NewReferral(type,
        new NewReferral.Referrer(Agency.SCHOOL, "Bishop's Oak Primary", "A. Teacher", "DSL", "dsl@example.org", null),
        List.of(new NewReferral.Child("Ava", "Marsh", LocalDate.of(2016, 3, 14), null, Sex.FEMALE, null,
            "9434765919", null, null, null, false)),
        new NewReferral.Household(List.of(), Set.of()),
        new NewReferral.Concern(Set.of(ConcernCategory.NEGLECT), "summary", null, false, 3), domesticAbuse,
        new NewReferral.Consent(true, true, null, null));
  }

  static Referral received() {
    return Referral.received("r-1", "MARF-2026-000001", SCHOOL, form(ReferralType.MARF, null), RECEIVED,
        WITHIN_24H, Links.none(), List.of());
  }

  @Test
  void is_due_by_the_decision_deadline_policy_and_keeps_it() {
    Referral referral = received();
    assertThat(referral.decisionDueBy()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
    assertThat(referral.deadlinePolicy()).isEqualTo(new AppliedPolicy("ELAPSED_24H", 1, null));
  }

  @Test
  void starts_received_with_one_timeline_entry() {
    Referral referral = received();
    assertThat(referral.status()).isEqualTo(ReferralStatus.RECEIVED);
    assertThat(referral.partnerId()).isEqualTo(SCHOOL.id());
    assertThat(referral.timeline()).extracting(Referral.StatusChange::milestone).containsExactly(Milestone.RECEIVED);
  }

  @Test
  void moves_to_triage_then_decided_with_outcome() {
    Referral decided = received().inTriage(RECEIVED.plusSeconds(5))
        .decided(TriageOutcome.EARLY_HELP, RECEIVED.plusSeconds(3600));
    assertThat(decided.status()).isEqualTo(ReferralStatus.DECIDED);
    assertThat(decided.outcome()).isEqualTo(TriageOutcome.EARLY_HELP);
    assertThat(decided.timeline()).extracting(Referral.StatusChange::milestone)
        .containsExactly(Milestone.RECEIVED, Milestone.IN_TRIAGE, Milestone.DECIDED);
  }

  @Test
  void late_news_of_triage_does_not_move_a_decided_referral_back() {
    Referral decided = received().decided(TriageOutcome.SINGLE_ASSESSMENT, RECEIVED.plusSeconds(60));
    assertThat(decided.inTriage(RECEIVED.plusSeconds(120))).isSameAs(decided);
  }

  @Test
  void a_second_decision_does_not_replace_the_first() {
    Referral decided = received().decided(TriageOutcome.SINGLE_ASSESSMENT, RECEIVED.plusSeconds(60));
    assertThat(decided.decided(TriageOutcome.NO_FURTHER_ACTION, RECEIVED.plusSeconds(90))).isSameAs(decided);
  }

  @Test
  void an_early_help_pathway_is_a_step_down_and_another_pathway_a_case_opened_each_recorded_once() {
    Referral decided = received().decided(TriageOutcome.EARLY_HELP, RECEIVED.plusSeconds(60));
    Referral steppedDown = decided.caseOpened("EARLY_HELP", RECEIVED.plusSeconds(90));
    assertThat(steppedDown.timeline().getLast().milestone()).isEqualTo(Milestone.STEPPED_DOWN_TO_EARLY_HELP);
    assertThat(steppedDown.status()).isEqualTo(ReferralStatus.DECIDED);
    assertThat(steppedDown.caseOpened("SINGLE_ASSESSMENT", RECEIVED.plusSeconds(99))).isSameAs(steppedDown);
    assertThat(received().caseOpened("STRATEGY_DISCUSSION", RECEIVED).timeline().getLast().milestone())
        .isEqualTo(Milestone.CASE_OPENED);
  }

  @Test
  void a_case_opened_reported_before_the_decision_still_reads_in_order() {
    Referral both = received().caseOpened("SINGLE_ASSESSMENT", RECEIVED.plusSeconds(90))
        .decided(TriageOutcome.SINGLE_ASSESSMENT, RECEIVED.plusSeconds(60));
    assertThat(both.timeline()).extracting(Referral.StatusChange::milestone)
        .containsExactly(Milestone.RECEIVED, Milestone.DECIDED, Milestone.CASE_OPENED);
  }

  @Test
  void every_outcome_says_what_happens_next_and_what_the_referrer_still_owns() {
    for (TriageOutcome outcome : TriageOutcome.values()) {
      assertThat(outcome.whatHappensNext()).isNotBlank();
      assertThat(outcome.whatYouStillOwn()).isNotBlank();
    }
  }

  @Test
  void is_urgent_for_immediate_risk_or_high_dash() {
    assertThat(received().urgent()).isFalse();
    Referral highDash = Referral.received("r-2", "MARF-2026-000002", SCHOOL,
        form(ReferralType.POLICE_NOTIFICATION,
            new NewReferral.DomesticAbuse(DashRiskLevel.HIGH, true, true, null, null, null)),
        RECEIVED, WITHIN_24H, Links.none(), List.of());
    assertThat(highDash.urgent()).isTrue();
  }
}
