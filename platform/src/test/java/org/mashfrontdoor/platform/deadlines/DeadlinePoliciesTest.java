package org.mashfrontdoor.platform.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.time.WorkingDayCalendar;

@DisplayName("Deadline policies: every statutory clock, pinned at its edges")
class DeadlinePoliciesTest {

  static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.englandAndWales();
  static final String CALENDAR_VERSION = "england-and-wales/2025-2028.1";

  static Instant london(String localDateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), WorkingDayCalendar.ENGLAND_AND_WALES_ZONE).toInstant();
  }

  @Nested
  @DisplayName("ICPC: by the end of the 15th working day after the strategy discussion's London date")
  class FifteenWorkingDays {

    final WorkingDays icpc = new WorkingDays(15, CALENDAR);

    @Test
    void a_discussion_late_on_a_friday_counts_friday_as_day_zero_and_the_weekend_not_at_all() {
      Instant due = london("2026-03-27T23:59:59.999");
      assertThat(icpc.dueBy(london("2026-03-06T09:00"))).isEqualTo(due);
      assertThat(icpc.dueBy(london("2026-03-06T23:30"))).isEqualTo(due);
      assertThat(icpc.dueBy(london("2026-03-07T11:00"))).as("a Saturday discussion").isEqualTo(due);
      assertThat(icpc.dueBy(london("2026-03-09T00:00"))).as("Monday is day 0 of its own")
          .isEqualTo(london("2026-03-30T23:59:59.999"));
    }

    @Test
    void easter_skips_good_friday_and_easter_monday_and_the_end_of_day_is_british_summer_time() {
      Instant due = icpc.dueBy(london("2026-04-01T14:00"));
      assertThat(due).isEqualTo(london("2026-04-24T23:59:59.999"));
      assertThat(due).isEqualTo(Instant.parse("2026-04-24T22:59:59.999Z"));
    }

    @Test
    void christmas_skips_the_substitute_boxing_day_and_new_year() {
      assertThat(icpc.dueBy(london("2026-12-24T10:00"))).isEqualTo(Instant.parse("2027-01-19T23:59:59.999Z"));
    }

    @Test
    void the_calendar_version_and_policy_are_stored_with_it() {
      assertThat(icpc.applied()).isEqualTo(new AppliedPolicy("WORKING_DAYS_15", 1, CALENDAR_VERSION));
    }

    @Test
    void refuses_a_date_beyond_the_calendar_rather_than_guess_its_bank_holidays() {
      assertThatThrownBy(() -> icpc.dueBy(london("2028-12-20T10:00")))
          .isInstanceOf(WorkingDayCalendar.OutsideCalendar.class);
    }
  }

  @Test
  @DisplayName("single assessment: 45 working days of the referral, across Easter and the early May bank holiday")
  void assessment_in_45_working_days() {
    WorkingDays assessment = new WorkingDays(45, CALENDAR);
    assertThat(assessment.dueBy(london("2026-03-02T10:00"))).isEqualTo(london("2026-05-07T23:59:59.999"));
    assertThat(assessment.dueBy(london("2026-04-20T08:00"))).isEqualTo(london("2026-06-24T23:59:59.999"));
  }

  @Test
  @DisplayName("child seen: 3 working days, skipping a bank holiday Monday")
  void child_seen_in_3_working_days() {
    assertThat(new WorkingDays(3, CALENDAR).dueBy(london("2026-05-01T16:00")))
        .isEqualTo(london("2026-05-07T23:59:59.999"));
  }

  @Nested
  @DisplayName("early help: a service within 4 weeks")
  class WithinFourWeeks {

    final WithinWeeks fourWeeks = new WithinWeeks(4, WorkingDayCalendar.ENGLAND_AND_WALES_ZONE);

    @Test
    void is_the_same_london_time_28_days_later_across_the_spring_clock_change() {
      Instant due = fourWeeks.dueBy(london("2026-03-16T09:00"));
      assertThat(due).isEqualTo(london("2026-04-13T09:00"));
      assertThat(Duration.between(london("2026-03-16T09:00"), due)).isEqualTo(Duration.ofDays(28).minusHours(1));
    }

    @Test
    void and_across_the_autumn_clock_change() {
      assertThat(fourWeeks.dueBy(london("2026-10-12T10:00"))).isEqualTo(Instant.parse("2026-11-09T10:00:00Z"));
    }

    @Test
    void is_stored_as_its_own_policy_without_a_calendar() {
      assertThat(fourWeeks.applied()).isEqualTo(new AppliedPolicy("WITHIN_4_WEEKS", 1, null));
    }
  }

  @Nested
  @DisplayName("the MASH decision: 24 elapsed hours, or one working day")
  class MashDecision {

    @Test
    void elapsed_is_the_default_and_names_its_allowance() {
      DeadlinePolicy policy = MashDecisionDeadline.configured("ELAPSED", Duration.ofHours(24));
      assertThat(policy.dueBy(london("2026-03-06T15:00"))).isEqualTo(london("2026-03-07T15:00"));
      assertThat(policy.applied()).isEqualTo(new AppliedPolicy("ELAPSED_24H", 1, null));
    }

    @Test
    void one_working_day_is_the_same_time_on_the_next_working_day() {
      DeadlinePolicy policy = MashDecisionDeadline.configured("ONE_WORKING_DAY", Duration.ofHours(24));
      assertThat(policy.dueBy(london("2026-03-06T15:00"))).isEqualTo(london("2026-03-09T15:00"));
      assertThat(policy.dueBy(london("2026-04-02T09:00"))).as("Maundy Thursday").isEqualTo(london("2026-04-07T09:00"));
      assertThat(policy.applied()).isEqualTo(new AppliedPolicy("ONE_WORKING_DAY", 1, CALENDAR_VERSION));
    }

    @Test
    void anything_else_is_refused_by_name() {
      assertThatThrownBy(() -> MashDecisionDeadline.configured("TWO_DAYS", Duration.ofHours(24)))
          .hasMessageContaining("TWO_DAYS");
    }
  }
}
