package org.mashfrontdoor.cases.domain;

import org.mashfrontdoor.platform.codes.MashOutcome;
import org.mashfrontdoor.platform.codes.CaseDeadlineKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.mashfrontdoor.platform.codes.Agency;
import org.mashfrontdoor.platform.deadlines.AppliedPolicy;
import org.mashfrontdoor.platform.deadlines.Deadline;
import org.mashfrontdoor.platform.deadlines.WithinWeeks;
import org.mashfrontdoor.platform.deadlines.WorkingDays;
import org.mashfrontdoor.platform.time.WorkingDayCalendar;

@DisplayName("A case: the statutory pathway after the front door")
public class CaseTest {

  public static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.englandAndWales();
  /** The statutory clocks as configured by default: the fixture other case-service tests use too. */
  public static final StatutoryClocks CLOCKS = new StatutoryClocks(Map.of(
      CaseDeadlineKind.CHILD_SEEN, new StatutoryClocks.Clock(new WorkingDays(3, CALENDAR), Duration.ofHours(24)),
      CaseDeadlineKind.ASSESSMENT, new StatutoryClocks.Clock(new WorkingDays(45, CALENDAR), Duration.ofDays(5)),
      CaseDeadlineKind.ICPC, new StatutoryClocks.Clock(new WorkingDays(15, CALENDAR), Duration.ofDays(3)),
      CaseDeadlineKind.EARLY_HELP_START, new StatutoryClocks.Clock(new WithinWeeks(4, CALENDAR.zone()),
          Duration.ofDays(7))));

  // Monday 2 March 2026 (GMT): the referral at 08:00, the decision at 14:00.
  static final Instant RECEIVED = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant DECIDED = Instant.parse("2026-03-02T14:00:00Z");
  static final Instant OPENED = DECIDED.plusSeconds(1);

  static final Practitioner SOCIAL_WORKER = new Practitioner("sw-1", Role.SOCIAL_WORKER);
  static final Practitioner TEAM_MANAGER = new Practitioner("tm-1", Role.TEAM_MANAGER);
  static final Practitioner EARLY_HELP = new Practitioner("eh-1", Role.EARLY_HELP_COORDINATOR);

  static final List<Participant> FULL_TABLE = List.of(
      new Participant(Agency.LOCAL_AUTHORITY_SOCIAL_CARE, "Team manager", "A. Social"),
      new Participant(Agency.POLICE, "Detective sergeant", "B. Police"),
      new Participant(Agency.GP, "GP", "C. Health"));

  static Case opened(MashOutcome outcome) {
    return Case.openedBy(decision("d-1", outcome), CLOCKS, OPENED).orElseThrow().after();
  }

  static TriageDecision decision(String decisionId, MashOutcome outcome) {
    return new TriageDecision(decisionId, "C-1", "R-1", outcome, 3, "Manager's rationale", RECEIVED, DECIDED);
  }

  @Nested
  @DisplayName("opened by the MASH decision")
  class Opening {

    @ParameterizedTest(name = "{0} opens a {0} case")
    @CsvSource({"EARLY_HELP", "SINGLE_ASSESSMENT", "STRATEGY_DISCUSSION"})
    void outcomes_that_lead_to_help_open_a_case_on_their_pathway_keeping_the_decision(MashOutcome outcome) {
      Case.Change change = Case.openedBy(decision("d-1", outcome), CLOCKS, OPENED).orElseThrow();
      Case c = change.after();

      assertThat(c.pathway().name()).isEqualTo(outcome.name());
      assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
      assertThat(c.contactId()).isEqualTo("C-1");
      assertThat(c.levelOfNeed()).isEqualTo(3);
      assertThat(c.rationale()).isEqualTo("Manager's rationale");
      assertThat(change.events()).singleElement().isInstanceOf(CaseEvent.Opened.class);
    }

    @ParameterizedTest(name = "{0} opens no case")
    @EnumSource(value = MashOutcome.class, names = {"NO_FURTHER_ACTION", "INFORMATION_AND_ADVICE"})
    void outcomes_that_close_the_contact_at_the_front_door_open_no_case(MashOutcome outcome) {
      assertThat(Case.openedBy(decision("d-1", outcome), CLOCKS, OPENED)).isEmpty();
    }

    @Test
    void the_same_decision_always_names_the_same_case_and_another_decision_another_case() {
      String first = opened(MashOutcome.EARLY_HELP).caseId();
      String again = Case.openedBy(decision("d-1", MashOutcome.EARLY_HELP), CLOCKS, OPENED.plusSeconds(60)).orElseThrow()
          .after().caseId();
      String other = Case.openedBy(decision("d-2", MashOutcome.EARLY_HELP), CLOCKS, OPENED).orElseThrow().after().caseId();
      assertThat(again).isEqualTo(first);
      assertThat(other).isNotEqualTo(first);
    }

    @Test
    void a_single_assessment_runs_child_seen_from_the_decision_and_45_working_days_from_the_referral() {
      Case c = opened(MashOutcome.SINGLE_ASSESSMENT);
      Deadline seen = c.deadline(CaseDeadlineKind.CHILD_SEEN).orElseThrow();
      Deadline assessment = c.deadline(CaseDeadlineKind.ASSESSMENT).orElseThrow();
      assertThat(seen.dueBy()).as("Thu 5 March, end of day").isEqualTo(Instant.parse("2026-03-05T23:59:59.999Z"));
      assertThat(assessment.dueBy()).as("across Easter and the early May bank holiday")
          .isEqualTo(Instant.parse("2026-05-07T22:59:59.999Z"));
      assertThat(assessment.policy())
          .isEqualTo(new AppliedPolicy("WORKING_DAYS_45", 1, "england-and-wales/2025-2028.1"));
      assertThat(c.soonestDueBy()).contains(seen.dueBy());
    }

    @Test
    void early_help_must_start_within_4_weeks_of_the_decision() {
      Deadline start = opened(MashOutcome.EARLY_HELP).deadline(CaseDeadlineKind.EARLY_HELP_START).orElseThrow();
      assertThat(start.dueBy()).isEqualTo(Instant.parse("2026-03-30T13:00:00Z")); // 14:00 GMT -> 14:00 BST
      assertThat(start.policy()).isEqualTo(new AppliedPolicy("WITHIN_4_WEEKS", 1, null));
    }

    @Test
    void a_strategy_discussion_case_runs_no_clock_until_the_enquiry_concludes_icpc() {
      assertThat(opened(MashOutcome.STRATEGY_DISCUSSION).deadlines()).isEmpty();
    }
  }

  @Nested
  @DisplayName("strategy discussion, Section 47 and the initial child protection conference")
  class ChildProtection {

    final Instant friday = Instant.parse("2026-03-06T17:45:00Z");
    final Instant now = Instant.parse("2026-03-09T09:00:00Z");

    Case discussed() {
      return opened(MashOutcome.STRATEGY_DISCUSSION)
          .holdStrategyDiscussion(friday, FULL_TABLE, true, "Reasonable cause", SOCIAL_WORKER, now, CLOCKS).after();
    }

    @Test
    void a_discussion_without_social_care_police_and_health_is_refused_naming_participants() {
      for (int leaveOut = 0; leaveOut < 3; leaveOut++) {
        List<Participant> missingOne = new java.util.ArrayList<>(FULL_TABLE);
        missingOne.remove(leaveOut);
        assertThatThrownBy(() -> opened(MashOutcome.STRATEGY_DISCUSSION).holdStrategyDiscussion(friday, missingOne,
            true, "r", SOCIAL_WORKER, now, CLOCKS))
            .isInstanceOfSatisfying(InvalidStep.class, e -> assertThat(e.pointer()).isEqualTo("/participants"));
      }
    }

    @ParameterizedTest(name = "{0} counts as health")
    @EnumSource(value = Agency.class, names = {"GP", "HEALTH_VISITOR", "HOSPITAL_AE", "HEALTH_OTHER", "SCHOOL_NURSE"})
    void any_health_agency_counts_as_health(Agency health) {
      List<Participant> table = List.of(FULL_TABLE.get(0), FULL_TABLE.get(1), new Participant(health, "r", "n"));
      assertThat(opened(MashOutcome.STRATEGY_DISCUSSION)
          .holdStrategyDiscussion(friday, table, true, "r", SOCIAL_WORKER, now, CLOCKS).after().strategyDiscussion())
          .isNotNull();
    }

    @Test
    void the_discussion_is_announced_with_the_agencies_present_not_the_names() {
      Case.Change held = opened(MashOutcome.STRATEGY_DISCUSSION)
          .holdStrategyDiscussion(friday, FULL_TABLE, true, "r", SOCIAL_WORKER, now, CLOCKS);
      assertThat(held.events()).singleElement().isEqualTo(new CaseEvent.StrategyDiscussionHeld(friday, true,
          List.of(Agency.POLICE, Agency.GP, Agency.LOCAL_AUTHORITY_SOCIAL_CARE)));
    }

    @Test
    void an_enquiry_concluding_icpc_starts_the_conference_clock_15_working_days_from_the_discussion() {
      Case.Change concluded = discussed().concludeSection47(Instant.parse("2026-03-13T12:00:00Z"),
          Section47Outcome.ICPC, SOCIAL_WORKER, Instant.parse("2026-03-13T12:05:00Z"), CLOCKS);
      Deadline icpc = concluded.after().deadline(CaseDeadlineKind.ICPC).orElseThrow();
      assertThat(icpc.startedAt()).isEqualTo(friday);
      assertThat(icpc.dueBy()).as("Friday 27 March, end of day").isEqualTo(Instant.parse("2026-03-27T23:59:59.999Z"));
      assertThat(icpc.policy().calendarVersion()).isEqualTo("england-and-wales/2025-2028.1");
    }

    @Test
    void a_conference_held_late_is_kept_and_marked_late() {
      Case concluded = discussed().concludeSection47(Instant.parse("2026-03-13T12:00:00Z"), Section47Outcome.ICPC,
          SOCIAL_WORKER, Instant.parse("2026-03-13T12:05:00Z"), CLOCKS).after();
      Instant lateConference = Instant.parse("2026-03-31T10:00:00Z");
      Case.Change held = concluded.holdConference(lateConference, ConferenceOutcome.CHILD_PROTECTION_PLAN,
          TEAM_MANAGER, lateConference.plusSeconds(60));
      Deadline icpc = held.after().deadline(CaseDeadlineKind.ICPC).orElseThrow();
      assertThat(icpc.status()).isEqualTo(Deadline.Status.MET);
      assertThat(icpc.onTime()).isFalse();
      assertThat(held.events()).singleElement().isInstanceOfSatisfying(CaseEvent.ConferenceHeld.class,
          e -> assertThat(e.deadline().onTime()).isFalse());
    }

    @Test
    void a_conference_before_the_enquiry_concluded_icpc_is_out_of_order() {
      assertThatThrownBy(() -> discussed().holdConference(now, ConferenceOutcome.NO_PLAN, SOCIAL_WORKER, now))
          .isInstanceOf(StepOutOfOrder.class);
      Case childInNeed = discussed().concludeSection47(now, Section47Outcome.CHILD_IN_NEED, SOCIAL_WORKER, now,
          CLOCKS).after();
      assertThatThrownBy(() -> childInNeed.holdConference(now, ConferenceOutcome.NO_PLAN, SOCIAL_WORKER, now))
          .isInstanceOf(StepOutOfOrder.class);
    }

    @Test
    void an_enquiry_without_a_discussion_that_started_one_is_out_of_order() {
      assertThatThrownBy(() -> opened(MashOutcome.STRATEGY_DISCUSSION).concludeSection47(now, Section47Outcome.ICPC,
          SOCIAL_WORKER, now, CLOCKS)).isInstanceOf(StepOutOfOrder.class);
    }

    @Test
    void an_enquiry_ending_in_no_further_action_closes_the_case() {
      Case.Change nfa = discussed().concludeSection47(now, Section47Outcome.NO_FURTHER_ACTION, SOCIAL_WORKER, now,
          CLOCKS);
      assertThat(nfa.after().status()).isEqualTo(CaseStatus.CLOSED);
      assertThat(nfa.events()).hasSize(2).last().isEqualTo(new CaseEvent.Closed(now, CloseReason.NO_FURTHER_ACTION));
    }

    @Test
    void no_section_47_goes_on_to_a_single_assessment_with_its_clocks() {
      Case c = opened(MashOutcome.STRATEGY_DISCUSSION)
          .holdStrategyDiscussion(friday, FULL_TABLE, false, "No reasonable cause", SOCIAL_WORKER, now, CLOCKS)
          .after();
      assertThat(c.pathway()).isEqualTo(Pathway.SINGLE_ASSESSMENT);
      assertThat(c.deadline(CaseDeadlineKind.ASSESSMENT).orElseThrow().startedAt()).isEqualTo(RECEIVED);
      assertThat(c.deadline(CaseDeadlineKind.CHILD_SEEN).orElseThrow().startedAt()).isEqualTo(friday);
    }

    @Test
    void dates_in_the_future_or_before_the_referral_are_refused_naming_the_field() {
      Case c = opened(MashOutcome.STRATEGY_DISCUSSION);
      assertThatThrownBy(() -> c.holdStrategyDiscussion(now.plusSeconds(1), FULL_TABLE, true, "r", SOCIAL_WORKER,
          now, CLOCKS)).isInstanceOfSatisfying(InvalidStep.class, e -> assertThat(e.pointer()).isEqualTo("/heldAt"));
      assertThatThrownBy(() -> c.holdStrategyDiscussion(RECEIVED.minusSeconds(1), FULL_TABLE, true, "r",
          SOCIAL_WORKER, now, CLOCKS)).isInstanceOfSatisfying(InvalidStep.class,
          e -> assertThat(e.getMessage()).contains("before the referral was received"));
      assertThatThrownBy(() -> discussed().concludeSection47(friday.minusSeconds(1), Section47Outcome.ICPC,
          SOCIAL_WORKER, now, CLOCKS)).isInstanceOfSatisfying(InvalidStep.class,
          e -> assertThat(e.pointer()).isEqualTo("/concludedAt"));
    }

    @Test
    void an_early_help_coordinator_may_not_record_child_protection_work() {
      assertThatThrownBy(() -> opened(MashOutcome.STRATEGY_DISCUSSION).holdStrategyDiscussion(friday, FULL_TABLE, true,
          "r", EARLY_HELP, now, CLOCKS)).isInstanceOf(NotPermitted.class);
    }

    @Test
    void a_second_discussion_is_out_of_order() {
      assertThatThrownBy(() -> discussed().holdStrategyDiscussion(friday, FULL_TABLE, true, "r", SOCIAL_WORKER, now,
          CLOCKS)).isInstanceOf(StepOutOfOrder.class);
    }
  }

  @Nested
  @DisplayName("single assessment")
  class SingleAssessment {

    final Instant now = Instant.parse("2026-03-20T12:00:00Z");

    @Test
    void the_first_visit_meets_the_child_seen_clock() {
      Case.Change seen = opened(MashOutcome.SINGLE_ASSESSMENT).seeChild(Instant.parse("2026-03-04T10:00:00Z"),
          SOCIAL_WORKER, now);
      assertThat(seen.after().deadline(CaseDeadlineKind.CHILD_SEEN).orElseThrow().onTime()).isTrue();
      Case.Change again = seen.after().seeChild(Instant.parse("2026-03-10T10:00:00Z"), SOCIAL_WORKER, now);
      assertThat(again.after().visits()).hasSize(2);
      assertThat(again.after().deadline(CaseDeadlineKind.CHILD_SEEN).orElseThrow().metAt())
          .isEqualTo(Instant.parse("2026-03-04T10:00:00Z"));
    }

    @Test
    void stepping_down_to_early_help_meets_the_assessment_and_starts_the_4_week_clock() {
      Case.Change done = opened(MashOutcome.SINGLE_ASSESSMENT).completeAssessment(now.minusSeconds(3600),
          AssessmentOutcome.STEP_DOWN_TO_EARLY_HELP, SOCIAL_WORKER, now, CLOCKS);
      Case c = done.after();
      assertThat(c.pathway()).isEqualTo(Pathway.EARLY_HELP);
      assertThat(c.deadline(CaseDeadlineKind.ASSESSMENT).orElseThrow().onTime()).isTrue();
      assertThat(c.deadline(CaseDeadlineKind.EARLY_HELP_START).orElseThrow().startedAt()).isEqualTo(now.minusSeconds(3600));
      assertThat(done.events()).hasSize(2).last().isInstanceOf(CaseEvent.SteppedDown.class);
    }

    @Test
    void an_assessment_recommending_a_strategy_discussion_moves_the_case_on() {
      Case c = opened(MashOutcome.SINGLE_ASSESSMENT).completeAssessment(now, AssessmentOutcome.STRATEGY_DISCUSSION,
          SOCIAL_WORKER, now, CLOCKS).after();
      assertThat(c.pathway()).isEqualTo(Pathway.STRATEGY_DISCUSSION);
      assertThat(c.holdStrategyDiscussion(now, FULL_TABLE, true, "r", SOCIAL_WORKER, now, CLOCKS).after()
          .strategyDiscussion()).isNotNull();
    }

    @Test
    void no_further_action_closes_the_case_and_stops_its_clocks() {
      Case c = opened(MashOutcome.SINGLE_ASSESSMENT).completeAssessment(now, AssessmentOutcome.NO_FURTHER_ACTION,
          SOCIAL_WORKER, now, CLOCKS).after();
      assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
      assertThat(c.deadline(CaseDeadlineKind.CHILD_SEEN).orElseThrow().status()).isEqualTo(Deadline.Status.WITHDRAWN);
      assertThat(c.nextAlarmAt()).isNull();
      assertThat(c.soonestDueBy()).as("a closed case owes nothing, so it is never overdue").isEmpty();
      assertThat(c.isOverdue(now.plus(Duration.ofDays(400)))).isFalse();
      assertThatThrownBy(() -> c.seeChild(now, SOCIAL_WORKER, now)).isInstanceOf(StepOutOfOrder.class);
    }
  }

  @Nested
  @DisplayName("early help and step-up")
  class EarlyHelp {

    final Instant now = Instant.parse("2026-03-20T12:00:00Z");

    @Test
    void early_help_starts_only_with_a_lead_professional() {
      Case c = opened(MashOutcome.EARLY_HELP);
      assertThatThrownBy(() -> c.startEarlyHelp(now, EARLY_HELP, now)).isInstanceOf(StepOutOfOrder.class);
      Case led = c.assignLeadProfessional("D. Lead", Agency.SCHOOL, "Family support worker", EARLY_HELP, now).after();
      Case.Change started = led.startEarlyHelp(now, EARLY_HELP, now);
      assertThat(started.after().deadline(CaseDeadlineKind.EARLY_HELP_START).orElseThrow().onTime()).isTrue();
    }

    @Test
    void a_social_worker_may_not_take_early_help_steps_but_a_team_manager_may() {
      Case c = opened(MashOutcome.EARLY_HELP);
      assertThatThrownBy(() -> c.assignLeadProfessional("n", Agency.SCHOOL, "r", SOCIAL_WORKER, now))
          .isInstanceOf(NotPermitted.class);
      assertThat(c.assignLeadProfessional("n", Agency.SCHOOL, "r", TEAM_MANAGER, now).after().leadProfessional())
          .isNotNull();
    }

    @Test
    void a_step_up_closes_the_case_and_names_the_new_referral() {
      Case.Change up = opened(MashOutcome.EARLY_HELP).stepUp("  Disclosure at school  ", "R-NEW", EARLY_HELP, now);
      assertThat(up.after().status()).isEqualTo(CaseStatus.CLOSED);
      assertThat(up.after().closeReason()).isEqualTo(CloseReason.STEPPED_UP);
      assertThat(up.after().deadline(CaseDeadlineKind.EARLY_HELP_START).orElseThrow().status())
          .isEqualTo(Deadline.Status.WITHDRAWN);
      assertThat(up.events()).first().isEqualTo(new CaseEvent.SteppedUp(now,
          new StepUp("Disclosure at school", "R-NEW", now, "eh-1")));
      assertThatThrownBy(() -> up.after().stepUp("again", "R-2", EARLY_HELP, now)).isInstanceOf(StepOutOfOrder.class);
    }

    @Test
    void a_step_up_needs_a_reason() {
      assertThatThrownBy(() -> opened(MashOutcome.EARLY_HELP).stepUp(" ", "R-NEW", EARLY_HELP, now))
          .isInstanceOfSatisfying(InvalidStep.class, e -> assertThat(e.pointer()).isEqualTo("/reason"));
    }

    @Test
    void a_step_up_belongs_to_early_help() {
      assertThatThrownBy(() -> opened(MashOutcome.SINGLE_ASSESSMENT).stepUp("r", "R-NEW", TEAM_MANAGER, now))
          .isInstanceOf(StepOutOfOrder.class);
    }
  }

  @Nested
  @DisplayName("its clocks")
  class Clocks {

    @Test
    void each_deadline_announces_approaching_then_breached_once_and_work_after_a_breach_is_marked_late() {
      Case c = opened(MashOutcome.EARLY_HELP);
      Instant due = c.deadline(CaseDeadlineKind.EARLY_HELP_START).orElseThrow().dueBy();
      assertThat(c.advanceClocks(due.minus(Duration.ofDays(8)))).isNull();

      Case.Change approaching = c.advanceClocks(due.minus(Duration.ofDays(7)));
      assertThat(approaching.events()).singleElement().isInstanceOf(CaseEvent.DeadlineApproaching.class);
      Case.Change repeat = approaching.after().advanceClocks(due.minus(Duration.ofDays(6)));
      assertThat(repeat).as("nothing due until the breach").isNull();

      Case.Change breached = approaching.after().advanceClocks(due.plusMillis(1));
      assertThat(breached.events()).singleElement().isInstanceOfSatisfying(CaseEvent.DeadlineBreached.class,
          e -> assertThat(e.scheduledFor()).isEqualTo(due.plusMillis(1)));
      assertThat(breached.after().isOverdue(due.plusMillis(1))).isTrue();
      assertThat(breached.after().advanceClocks(due.plus(Duration.ofDays(1)))).isNull();

      Instant late = due.plus(Duration.ofDays(2));
      Case startedLate = breached.after().assignLeadProfessional("n", Agency.SCHOOL, "r", EARLY_HELP, late).after()
          .startEarlyHelp(late, EARLY_HELP, late).after();
      Deadline met = startedLate.deadline(CaseDeadlineKind.EARLY_HELP_START).orElseThrow();
      assertThat(met.status()).isEqualTo(Deadline.Status.MET);
      assertThat(met.onTime()).isFalse();
      assertThat(startedLate.isOverdue(late)).isFalse();
    }

    @Test
    void the_due_sheet_looks_at_the_soonest_alarm_of_all_its_clocks() {
      Case c = opened(MashOutcome.SINGLE_ASSESSMENT);
      assertThat(c.nextAlarmAt()).isEqualTo(c.deadline(CaseDeadlineKind.CHILD_SEEN).orElseThrow().nextAlarmAt());
    }
  }

  @ParameterizedTest(name = "level of need {0} is refused")
  @CsvSource({"0", "5"})
  void a_level_of_need_outside_the_four_levels_is_refused(int levelOfNeed) {
    assertThatThrownBy(() -> new TriageDecision("d-1", "C-1", "R-1", MashOutcome.EARLY_HELP, levelOfNeed, "r", RECEIVED,
        DECIDED)).isInstanceOf(IllegalArgumentException.class);
  }
}
