package org.mashfrontdoor.triage.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.time.WorkingDayCalendar;
import org.mashfrontdoor.triage.domain.AppliedDeadlinePolicy;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.ElapsedDeadline;
import org.mashfrontdoor.triage.domain.RagPolicy;
import org.mashfrontdoor.triage.domain.Referral;
import org.mashfrontdoor.triage.domain.ReferralType;

@DisplayName("Both deadline policies across a weekend and a bank holiday")
class OneWorkingDayTest {

  final OneWorkingDay workingDay = new OneWorkingDay(WorkingDayCalendar.englandAndWales());
  final ElapsedDeadline elapsed = new ElapsedDeadline(Duration.ofHours(24));
  final RagPolicy rag = new RagPolicy(Duration.ofHours(8), Duration.ofHours(2));

  Contact opened(Instant receivedAt, org.mashfrontdoor.triage.domain.DeadlinePolicy policy) {
    return Contact.open(new Referral("r", "ref", ReferralType.MARF, "SCHOOL", "School", receivedAt, false, null,
        List.of(), false, List.of()), policy, rag, receivedAt);
  }

  @Test
  void friday_afternoon_is_due_monday_afternoon_by_working_day_but_saturday_by_elapsed_time() {
    Instant friday = Instant.parse("2026-03-06T15:00:00Z"); // GMT: London time = UTC
    assertThat(opened(friday, workingDay).decisionDueBy()).isEqualTo(Instant.parse("2026-03-09T15:00:00Z"));
    assertThat(opened(friday, elapsed).decisionDueBy()).isEqualTo(Instant.parse("2026-03-07T15:00:00Z"));
  }

  @Test
  void the_thursday_before_easter_is_due_the_tuesday_after_easter_monday_by_working_day() {
    Instant thursday = Instant.parse("2026-04-02T08:00:00Z"); // 09:00 BST
    assertThat(opened(thursday, workingDay).decisionDueBy()).isEqualTo(Instant.parse("2026-04-07T08:00:00Z"));
    assertThat(opened(thursday, elapsed).decisionDueBy()).isEqualTo(Instant.parse("2026-04-03T08:00:00Z"));
  }

  @Test
  void stores_the_policy_and_the_calendar_version_with_the_deadline() {
    assertThat(opened(Instant.parse("2026-03-06T15:00:00Z"), workingDay).deadlinePolicy())
        .isEqualTo(new AppliedDeadlinePolicy("ONE_WORKING_DAY", 1, "england-and-wales/2025-2028.1"));
  }
}
