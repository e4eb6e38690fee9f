package org.mashfrontdoor.triage.domain;

import org.mashfrontdoor.platform.codes.MashOutcome;
import org.mashfrontdoor.platform.codes.DashRiskLevel;
import org.mashfrontdoor.platform.codes.ReferralType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.deadlines.AppliedPolicy;
import org.mashfrontdoor.platform.deadlines.OneWorkingDay;
import org.mashfrontdoor.platform.time.WorkingDayCalendar;

@DisplayName("A MASH contact")
class ContactTest {

  static final Instant RECEIVED = Instant.parse("2026-03-02T09:00:00Z");
  static final RagPolicy RAG = new RagPolicy(Duration.ofHours(8), Duration.ofHours(2));
  static final Staff WORKER = new Staff("sw-1", Role.MASH_SOCIAL_WORKER);
  static final Staff MANAGER = new Staff("mgr-1", Role.MASH_MANAGER);

  static Referral referral(String id, Instant receivedAt) {
    return ReceivedReferrals.dueWithin24Hours(id, "MARF-2026-000001", ReferralType.MARF, "SCHOOL",
        "Bishop's Oak Primary", receivedAt,
        false, null, List.of(new Child(LocalDate.parse("2016-03-14"), false)), false, List.of());
  }

  static Referral police(String id, DashRiskLevel dash) {
    return ReceivedReferrals.dueWithin24Hours(id, "MARF-2026-000002", ReferralType.POLICE_NOTIFICATION, "POLICE",
        "West Mercia Police",
        RECEIVED, false, dash, List.of(new Child(LocalDate.parse("2019-07-02"), false)), false, List.of());
  }

  static Contact contact(String referralId, boolean urgent, Instant receivedAt) {
    Referral r = referral(referralId, receivedAt);
    return Contact.open(ReceivedReferrals.dueWithin24Hours(r.referralId(), r.reference(), r.referralType(),
        r.agency(), r.organisation(), r.receivedAt(), urgent, null, r.children(), false, List.of()), RAG, receivedAt);
  }

  @Nested
  @DisplayName("is due for a decision by the deadline intake set, stored with its policy")
  class Deadline {

    @Test
    void within_24_elapsed_hours_of_receipt_by_default() {
      Contact contact = contact("r-1", false, RECEIVED);
      assertThat(contact.decisionDueBy()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
      assertThat(contact.deadlinePolicy()).isEqualTo(new AppliedPolicy("ELAPSED_24H", 1, null));
      assertThat(contact.status()).isEqualTo(ContactStatus.OPEN);
      assertThat(contact.ragState()).isEqualTo(Rag.GREEN);
      assertThat(contact.nextAlarmAt()).as("turns AMBER 8 h before the deadline")
          .isEqualTo(Instant.parse("2026-03-03T01:00:00Z"));
    }

    @Test
    void exactly_as_intake_set_it_even_a_friday_referral_due_on_monday() {
      Instant friday = Instant.parse("2026-03-06T15:00:00Z"); // 15:00 in London (GMT)
      Instant monday = Instant.parse("2026-03-09T15:00:00Z");
      AppliedPolicy workingDay = new OneWorkingDay(WorkingDayCalendar.englandAndWales()).applied();
      Referral received = new Referral("r-1", "MARF-2026-000001", ReferralType.MARF, "SCHOOL", "Bishop's Oak Primary",
          friday, monday, workingDay, false, null, List.of(), false, List.of());

      Contact contact = Contact.open(received, RAG, friday);

      assertThat(contact.decisionDueBy()).isEqualTo(monday);
      assertThat(contact.deadlinePolicy())
          .isEqualTo(new AppliedPolicy("ONE_WORKING_DAY", 1, "england-and-wales/2025-2028.1"));
      assertThat(contact.nextAlarmAt()).as("turns AMBER 8 h before Monday's deadline, not Saturday's")
          .isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
      assertThat(contact.rag(RAG, Instant.parse("2026-03-07T15:00:01Z"))).isEqualTo(Rag.GREEN);
    }

    @Test
    void time_remaining_is_negative_once_breached() {
      Contact contact = contact("r-1", false, RECEIVED);
      assertThat(contact.timeRemaining(RECEIVED.plus(Duration.ofHours(20)))).isEqualTo(Duration.ofHours(4));
      assertThat(contact.timeRemaining(RECEIVED.plus(Duration.ofHours(25)))).isEqualTo(Duration.ofHours(-1));
    }
  }

  @Nested
  @DisplayName("is urgent")
  class Urgency {

    Referral with(boolean immediateRisk, DashRiskLevel dash, List<Child> children, boolean reReferral) {
      return ReceivedReferrals.dueWithin24Hours("r", "ref", ReferralType.MARF, "HEALTH", "GP", RECEIVED,
          immediateRisk, dash, children,
          reReferral, List.of());
    }

    final List<Child> schoolChild = List.of(new Child(LocalDate.parse("2016-03-14"), false));

    @Test
    void when_the_referrer_reports_immediate_risk() {
      assertThat(with(true, null, schoolChild, false).urgent()).isTrue();
    }

    @Test
    void when_police_assess_domestic_abuse_as_high_risk() {
      assertThat(with(false, DashRiskLevel.HIGH, schoolChild, false).urgent()).isTrue();
      assertThat(with(false, DashRiskLevel.MEDIUM, schoolChild, false).urgent()).isFalse();
    }

    @Test
    void when_a_child_is_under_one_on_the_day_of_receipt() {
      assertThat(with(false, null, List.of(new Child(LocalDate.parse("2025-03-03"), false)), false).urgent()).isTrue();
      assertThat(with(false, null, List.of(new Child(LocalDate.parse("2025-03-02"), false)), false).urgent())
          .as("first birthday today").isFalse();
      assertThat(with(false, null, List.of(new Child(null, false)), false).urgent()).isFalse();
    }

    @Test
    void when_a_child_is_already_on_a_child_protection_plan() {
      assertThat(with(false, null, List.of(new Child(LocalDate.parse("2016-03-14"), true)), false).urgent()).isTrue();
    }

    @Test
    void when_it_is_a_re_referral() {
      assertThat(with(false, null, schoolChild, true).urgent()).isTrue();
    }

    @Test
    void not_otherwise() {
      assertThat(with(false, DashRiskLevel.STANDARD, schoolChild, false).urgent()).isFalse();
      assertThat(with(false, DashRiskLevel.STANDARD, schoolChild, false).urgentReasons()).isEmpty();
    }

    @Test
    void names_every_reason_it_is_urgent() {
      List<Child> babyOnAPlan = List.of(new Child(LocalDate.parse("2025-06-01"), true));
      assertThat(with(true, DashRiskLevel.HIGH, babyOnAPlan, true).urgentReasons()).containsExactly(
          UrgencyReason.IMMEDIATE_RISK, UrgencyReason.HIGH_RISK_DOMESTIC_ABUSE, UrgencyReason.CHILD_UNDER_ONE,
          UrgencyReason.CHILD_ON_PLAN, UrgencyReason.RE_REFERRAL);
    }
  }

  @Nested
  @DisplayName("waits in a lane")
  class Lanes {

    @Test
    void standard_and_medium_police_notifications_go_to_the_daily_domestic_abuse_triage() {
      assertThat(police("p", DashRiskLevel.STANDARD).lane()).isEqualTo(Lane.DOMESTIC_ABUSE);
      assertThat(police("p", DashRiskLevel.MEDIUM).lane()).isEqualTo(Lane.DOMESTIC_ABUSE);
    }

    @Test
    void everything_else_goes_to_the_mash() {
      assertThat(police("p", DashRiskLevel.HIGH).lane()).isEqualTo(Lane.MASH);
      assertThat(police("p", null).lane()).isEqualTo(Lane.MASH);
      assertThat(referral("m", RECEIVED).lane()).isEqualTo(Lane.MASH);
    }
  }

  @Test
  void queues_urgent_contacts_first_then_by_least_time_left() {
    Contact calmEarly = contact("a", false, RECEIVED.minus(Duration.ofHours(3)));
    Contact calmLate = contact("b", false, RECEIVED);
    Contact urgentLate = contact("c", true, RECEIVED.plus(Duration.ofHours(1)));
    Contact urgentEarly = contact("d", true, RECEIVED);

    assertThat(Stream.of(calmLate, urgentLate, calmEarly, urgentEarly).sorted(Contact.QUEUE_ORDER).toList())
        .isEqualTo(List.of(urgentEarly, urgentLate, calmEarly, calmLate));
  }

  @Nested
  @DisplayName("joined by a linked referral")
  class Joining {

    @Test
    void lists_every_source_keeps_its_clock_and_takes_the_higher_priority_and_the_mash_lane() {
      Contact daLane = Contact.open(police("p1", DashRiskLevel.STANDARD), RAG, RECEIVED);
      Referral school = ReceivedReferrals.dueWithin24Hours("s1", "MARF-2026-000009", ReferralType.MARF, "SCHOOL", "Bishop's Oak",
          RECEIVED.plus(Duration.ofHours(3)), true, null, List.of(), false, List.of("p1"));

      Contact joined = daLane.join(school, RECEIVED.plus(Duration.ofHours(3)));

      assertThat(joined.referralIds()).containsExactly("p1", "s1");
      assertThat(joined.sources()).extracting(Source::agency).containsExactly("POLICE", "SCHOOL");
      assertThat(joined.decisionDueBy()).isEqualTo(daLane.decisionDueBy());
      assertThat(joined.urgent()).isTrue();
      assertThat(joined.lane()).isEqualTo(Lane.MASH);
      assertThat(joined.history()).extracting(HistoryEntry::step)
          .containsExactly(HistoryEntry.Step.OPENED, HistoryEntry.Step.REFERRAL_JOINED);
    }
  }

  @Nested
  @DisplayName("goes through checks, a recommendation and a manager's sign-off")
  class Workflow {

    final Contact open = contact("r-1", false, RECEIVED);
    final Instant due = open.decisionDueBy();
    final Instant later = RECEIVED.plus(Duration.ofHours(1));

    Contact recommended(MashOutcome outcome) {
      return open.recommend(outcome, 2, "Family agree to early help.", null, WORKER, later);
    }

    @Test
    void records_checks_with_their_times_and_the_advice_given() {
      Contact checked = open.recordChecks(List.of(
              new MultiAgencyCheck(Agency.HEALTH, RECEIVED, later, later, WORKER.id()),
              new MultiAgencyCheck(Agency.POLICE, RECEIVED, null, later, WORKER.id())),
          "Advised the school to keep a daily log.", WORKER, later);
      assertThat(checked.checks()).extracting(MultiAgencyCheck::agency).containsExactly(Agency.HEALTH, Agency.POLICE);
      assertThat(checked.advice().text()).isEqualTo("Advised the school to keep a daily log.");
      assertThat(checked.advice().recordedBy()).isEqualTo("sw-1");
    }

    @Test
    void a_check_cannot_be_returned_before_it_was_requested() {
      assertThatThrownBy(() -> new MultiAgencyCheck(Agency.HEALTH, later, RECEIVED, later, "sw-1"))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_decision_is_the_managers_sign_off_and_stops_the_clock() {
      Contact decided = recommended(MashOutcome.EARLY_HELP).signOff(MashOutcome.EARLY_HELP, 2, "Agreed.", null, MANAGER,
          due);
      assertThat(decided.status()).isEqualTo(ContactStatus.DECIDED);
      assertThat(decided.decision().onTime()).as("up to and including the deadline").isTrue();
      assertThat(decided.decision().decidedBy()).isEqualTo("mgr-1");
      assertThat(decided.nextAlarmAt()).isNull();
      assertThat(decided.advanceRag(RAG, due.plus(Duration.ofDays(1)))).isNull();
    }

    @Test
    void a_decision_after_the_deadline_is_recorded_late_and_keeps_the_rag_it_had() {
      Contact late = recommended(MashOutcome.EARLY_HELP).signOff(MashOutcome.EARLY_HELP, 2, "Agreed.", null, MANAGER,
          due.plusNanos(1));
      assertThat(late.decision().onTime()).isFalse();
      assertThat(late.rag(RAG, due.plus(Duration.ofDays(3)))).isEqualTo(Rag.BREACHED);
      Contact early = recommended(MashOutcome.EARLY_HELP).signOff(MashOutcome.EARLY_HELP, 2, "Agreed.", null, MANAGER,
          due.minus(Duration.ofHours(5)));
      assertThat(early.rag(RAG, due.plus(Duration.ofDays(3)))).isEqualTo(Rag.AMBER);
    }

    @Test
    void only_social_workers_record_checks_and_recommend_and_only_managers_sign_off() {
      assertThatThrownBy(() -> open.recommend(MashOutcome.EARLY_HELP, 2, "x", null, MANAGER, later))
          .isInstanceOf(NotPermitted.class);
      assertThatThrownBy(() -> open.recordChecks(List.of(), "advice", MANAGER, later))
          .isInstanceOf(NotPermitted.class);
      assertThatThrownBy(() -> recommended(MashOutcome.EARLY_HELP).signOff(MashOutcome.EARLY_HELP, 2, "x", null, WORKER,
          later)).isInstanceOf(NotPermitted.class);
      assertThat(open.recordChecks(List.of(), "advice", WORKER, later).advice().recordedBy()).isEqualTo("sw-1");
      assertThat(recommended(MashOutcome.EARLY_HELP).signOff(MashOutcome.EARLY_HELP, 2, "x", null, MANAGER, later)
          .status()).isEqualTo(ContactStatus.DECIDED);
    }

    @Test
    void cannot_be_signed_off_before_a_recommendation() {
      assertThatThrownBy(() -> open.signOff(MashOutcome.EARLY_HELP, 2, "x", null, MANAGER, later))
          .isInstanceOf(StepOutOfOrder.class).hasMessageContaining("no recommendation");
    }

    @Test
    void cannot_be_recommended_twice() {
      assertThatThrownBy(() -> recommended(MashOutcome.EARLY_HELP).recommend(MashOutcome.NO_FURTHER_ACTION, 1, "x", null,
          WORKER, later)).isInstanceOf(StepOutOfOrder.class);
    }

    @Test
    void cannot_be_decided_again_nor_changed_once_decided() {
      Contact decided = recommended(MashOutcome.EARLY_HELP).signOff(MashOutcome.EARLY_HELP, 2, "Agreed.", null, MANAGER,
          later);
      assertThatThrownBy(() -> decided.signOff(MashOutcome.STRATEGY_DISCUSSION, 4, "Changed mind.", null, MANAGER,
          later)).isInstanceOf(ContactAlreadyDecided.class);
      assertThatThrownBy(() -> decided.recommend(MashOutcome.STRATEGY_DISCUSSION, 4, "x", null, WORKER, later))
          .isInstanceOf(ContactAlreadyDecided.class);
      assertThatThrownBy(() -> decided.recordChecks(List.of(), "advice", WORKER, later))
          .isInstanceOf(ContactAlreadyDecided.class);
      assertThatThrownBy(() -> decided.join(referral("r-9", later), later)).isInstanceOf(ContactAlreadyDecided.class);
    }

    @Test
    void information_and_advice_needs_the_advice_recorded() {
      assertThatThrownBy(() -> recommended(MashOutcome.INFORMATION_AND_ADVICE))
          .isInstanceOf(StepOutOfOrder.class).hasMessageContaining("advice");
      Contact recommendedOther = recommended(MashOutcome.NO_FURTHER_ACTION);
      assertThatThrownBy(() -> recommendedOther.signOff(MashOutcome.INFORMATION_AND_ADVICE, 1, "x",
          "Keep a daily log.", MANAGER, later)).isInstanceOf(StepOutOfOrder.class);

      Contact advised = open.recordChecks(List.of(), "Advised the parent about local support.", WORKER, later);
      assertThat(advised.recommend(MashOutcome.INFORMATION_AND_ADVICE, 1, "Advice given.", null, WORKER, later)
          .signOff(MashOutcome.INFORMATION_AND_ADVICE, 1, "Agreed.", "Share the parenting course details.", MANAGER, later)
          .decision().outcome())
          .isEqualTo(MashOutcome.INFORMATION_AND_ADVICE);
    }

    @Test
    void an_outcome_that_closes_the_contact_at_the_front_door_tells_the_referrer_what_to_do() {
      Contact recommendedNothing = recommended(MashOutcome.NO_FURTHER_ACTION);
      for (String missing : new String[] {null, " "}) {
        assertThatThrownBy(() -> recommendedNothing.signOff(MashOutcome.NO_FURTHER_ACTION, 1, "Needs met.", missing,
            MANAGER, later)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("adviceToReferrer");
      }
      assertThatThrownBy(() -> recommendedNothing.signOff(MashOutcome.NO_FURTHER_ACTION, 1, "Needs met.",
          "a".repeat(TriageDecision.MAX_ADVICE_TO_REFERRER_LENGTH + 1), MANAGER, later))
          .isInstanceOf(IllegalArgumentException.class);

      Contact decided = recommendedNothing.signOff(MashOutcome.NO_FURTHER_ACTION, 1, "Needs met.",
          "Keep offering the breakfast club; refer again if she is hungry again.", MANAGER, later);
      assertThat(decided.decision().adviceToReferrer())
          .isEqualTo("Keep offering the breakfast club; refer again if she is hungry again.");
      assertThat(recommended(MashOutcome.EARLY_HELP).signOff(MashOutcome.EARLY_HELP, 2, "Agreed.", null, MANAGER, later)
          .decision().adviceToReferrer()).as("optional when the child is handed on").isNull();
      assertThat(MashOutcome.values()).filteredOn(MashOutcome::closesAtTheFrontDoor)
          .containsExactly(MashOutcome.NO_FURTHER_ACTION, MashOutcome.INFORMATION_AND_ADVICE);
    }

    @Test
    void needs_a_level_of_need_from_1_to_4_and_a_rationale() {
      assertThatThrownBy(() -> open.recommend(MashOutcome.EARLY_HELP, 5, "x", null, WORKER, later))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> open.recommend(MashOutcome.EARLY_HELP, 2, " ", null, WORKER, later))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> recommended(MashOutcome.EARLY_HELP).signOff(MashOutcome.EARLY_HELP, 2, "x".repeat(4001), null,
          MANAGER, later)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
