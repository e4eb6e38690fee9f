package org.mashfrontdoor.intake.domain;

import org.mashfrontdoor.platform.codes.MashOutcome;
import org.mashfrontdoor.platform.codes.DashRiskLevel;
import org.mashfrontdoor.platform.codes.ReferralType;
import org.mashfrontdoor.platform.codes.Agency;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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
        new NewReferral.Consent(true, true, null, null), null);
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
        .decided(MashOutcome.EARLY_HELP, null, RECEIVED.plusSeconds(3600));
    assertThat(decided.status()).isEqualTo(ReferralStatus.DECIDED);
    assertThat(decided.outcome()).isEqualTo(MashOutcome.EARLY_HELP);
    assertThat(decided.timeline()).extracting(Referral.StatusChange::milestone)
        .containsExactly(Milestone.RECEIVED, Milestone.IN_TRIAGE, Milestone.DECIDED);
  }

  @Test
  void keeps_the_advice_the_mash_gave_the_referrer_through_what_follows_and_tells_it_once() {
    Referral decided = received().inTriage(RECEIVED.plusSeconds(5))
        .decided(MashOutcome.INFORMATION_AND_ADVICE, "Keep a daily log and share it with the school nurse.",
            RECEIVED.plusSeconds(3600));
    assertThat(decided.adviceToReferrer()).isEqualTo("Keep a daily log and share it with the school nurse.");
    assertThat(decided.decided(MashOutcome.NO_FURTHER_ACTION, "Other advice", RECEIVED.plusSeconds(4000))
        .adviceToReferrer()).isEqualTo("Keep a daily log and share it with the school nurse.");
    assertThat(decided.caseMilestone(Milestone.CASE_CLOSED, RECEIVED.plusSeconds(7200)).adviceToReferrer())
        .isEqualTo("Keep a daily log and share it with the school nurse.");
    assertThat(StatusNotification.of(decided)).extracting(StatusNotification::milestone,
            StatusNotification::adviceToReferrer)
        .containsExactly(tuple(Milestone.RECEIVED, null),
            tuple(Milestone.IN_TRIAGE, null),
            tuple(Milestone.DECIDED,
                "Keep a daily log and share it with the school nurse."));
  }

  @Test
  void late_news_of_triage_does_not_move_a_decided_referral_back() {
    Referral decided = received().decided(MashOutcome.SINGLE_ASSESSMENT, null, RECEIVED.plusSeconds(60));
    assertThat(decided.inTriage(RECEIVED.plusSeconds(120))).isSameAs(decided);
  }

  @Test
  void a_second_decision_does_not_replace_the_first() {
    Referral decided = received().decided(MashOutcome.SINGLE_ASSESSMENT, null, RECEIVED.plusSeconds(60));
    assertThat(decided.decided(MashOutcome.NO_FURTHER_ACTION, null, RECEIVED.plusSeconds(90))).isSameAs(decided);
  }

  @Test
  void an_early_help_pathway_is_a_step_down_and_another_pathway_a_case_opened_each_recorded_once() {
    Referral decided = received().decided(MashOutcome.EARLY_HELP, null, RECEIVED.plusSeconds(60));
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
        .decided(MashOutcome.SINGLE_ASSESSMENT, null, RECEIVED.plusSeconds(60));
    assertThat(both.timeline()).extracting(Referral.StatusChange::milestone)
        .containsExactly(Milestone.RECEIVED, Milestone.DECIDED, Milestone.CASE_OPENED);
  }

  @Test
  void every_outcome_says_what_happens_next_and_what_the_referrer_still_owns() {
    for (MashOutcome outcome : MashOutcome.values()) {
      assertThat(WhatFollowsTheDecision.of(outcome).whatHappensNext()).isNotBlank();
      assertThat(WhatFollowsTheDecision.of(outcome).whatYouStillOwn()).isNotBlank();
    }
  }

  @Test
  void later_steps_of_the_case_are_recorded_once_each_with_the_status_still_decided() {
    Referral opened = received().decided(MashOutcome.STRATEGY_DISCUSSION, null, RECEIVED.plusSeconds(60))
        .caseOpened("STRATEGY_DISCUSSION", RECEIVED.plusSeconds(90));
    Referral held = opened.caseMilestone(Milestone.STRATEGY_DISCUSSION_HELD, RECEIVED.plusSeconds(120));
    assertThat(held.timeline().getLast()).isEqualTo(
        new Referral.StatusChange(Milestone.STRATEGY_DISCUSSION_HELD, RECEIVED.plusSeconds(120), null, null));
    assertThat(held.status()).isEqualTo(ReferralStatus.DECIDED);
    assertThat(held.outcome()).isEqualTo(MashOutcome.STRATEGY_DISCUSSION);
    assertThat(held.caseMilestone(Milestone.STRATEGY_DISCUSSION_HELD, RECEIVED.plusSeconds(500))).isSameAs(held);
  }

  @Test
  void after_the_decision_the_timeline_reads_in_the_order_things_happened() {
    Referral story = received().caseOpened("SINGLE_ASSESSMENT", RECEIVED.plusSeconds(90))
        .caseMilestone(Milestone.ASSESSMENT_COMPLETED, RECEIVED.plusSeconds(200))
        .caseMilestone(Milestone.STRATEGY_DISCUSSION_HELD, RECEIVED.plusSeconds(300))
        .caseMilestone(Milestone.ENQUIRIES_CONCLUDED, RECEIVED.plusSeconds(400))
        .caseMilestone(Milestone.CONFERENCE_HELD, RECEIVED.plusSeconds(500))
        // reported late: the story still puts it where it happened
        .caseMilestone(Milestone.CASE_CLOSED, RECEIVED.plusSeconds(600))
        .decided(MashOutcome.SINGLE_ASSESSMENT, null, RECEIVED.plusSeconds(60))
        .inTriage(RECEIVED.plusSeconds(5));
    assertThat(story.timeline()).extracting(Referral.StatusChange::milestone).containsExactly(
        Milestone.RECEIVED, Milestone.DECIDED, Milestone.CASE_OPENED, Milestone.ASSESSMENT_COMPLETED,
        Milestone.STRATEGY_DISCUSSION_HELD, Milestone.ENQUIRIES_CONCLUDED, Milestone.CONFERENCE_HELD,
        Milestone.CASE_CLOSED);
  }

  @Test
  void a_step_down_after_an_assessment_then_early_help_and_a_step_up_follow_in_order() {
    Referral story = received().decided(MashOutcome.SINGLE_ASSESSMENT, null, RECEIVED.plusSeconds(60))
        .caseOpened("SINGLE_ASSESSMENT", RECEIVED.plusSeconds(90))
        .caseMilestone(Milestone.ASSESSMENT_COMPLETED, RECEIVED.plusSeconds(200))
        .caseMilestone(Milestone.STEPPED_DOWN_TO_EARLY_HELP, RECEIVED.plusSeconds(210))
        .caseMilestone(Milestone.EARLY_HELP_STARTED, RECEIVED.plusSeconds(300))
        .caseMilestone(Milestone.STEPPED_UP, RECEIVED.plusSeconds(400));
    assertThat(story.timeline()).extracting(Referral.StatusChange::milestone).containsExactly(
        Milestone.RECEIVED, Milestone.DECIDED, Milestone.CASE_OPENED, Milestone.ASSESSMENT_COMPLETED,
        Milestone.STEPPED_DOWN_TO_EARLY_HELP, Milestone.EARLY_HELP_STARTED, Milestone.STEPPED_UP);
  }

  @Test
  void the_mash_stages_and_the_case_opening_are_not_later_steps_of_a_case() {
    for (Milestone milestone : List.of(Milestone.RECEIVED, Milestone.IN_TRIAGE, Milestone.DECIDED,
        Milestone.CASE_OPENED)) {
      assertThatThrownBy(() -> received().caseMilestone(milestone, RECEIVED))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void a_step_up_is_a_marf_from_early_help_about_the_same_children_household_and_consent() {
    NewReferral earlier = new NewReferral(ReferralType.POLICE_NOTIFICATION,
        new NewReferral.Referrer(Agency.POLICE, "West Mercia Police", "PC Smith", "officer", "pc@example.org", null),
        form(ReferralType.MARF, null).children(),
        new NewReferral.Household(List.of(new NewReferral.Adult("Jo", "Marsh", null, Relationship.MOTHER)),
            Set.of(RiskFactor.DOMESTIC_ABUSE)),
        new NewReferral.Concern(Set.of(ConcernCategory.DOMESTIC_ABUSE), "old summary", null, true, 4),
        new NewReferral.DomesticAbuse(DashRiskLevel.HIGH, true, true, null, null, null),
        new NewReferral.Consent(false, false, "would put the child at risk",
            LawfulBasis.SAFEGUARDING_CHILDREN_DPA_2018), null);

    NewReferral stepUp = earlier.steppedUp("Early help (step-up)", "Neglect has worsened despite the plan.");

    assertThat(stepUp.referralType()).isEqualTo(ReferralType.MARF);
    assertThat(stepUp.referrer()).isEqualTo(
        new NewReferral.Referrer(Agency.EARLY_HELP, "Early help (step-up)", null, null, null, null));
    assertThat(stepUp.children()).isEqualTo(earlier.children());
    assertThat(stepUp.household()).isEqualTo(earlier.household());
    assertThat(stepUp.consent()).isEqualTo(earlier.consent());
    assertThat(stepUp.concern().summary()).isEqualTo("Neglect has worsened despite the plan.");
    assertThat(stepUp.concern().categories()).containsExactly(ConcernCategory.DOMESTIC_ABUSE);
    assertThat(stepUp.concern().immediateRisk()).isFalse();
    assertThat(stepUp.domesticAbuse()).isNull();
    assertThat(Agency.EARLY_HELP.cinCensusCode()).isEqualTo("5D");
  }
}
