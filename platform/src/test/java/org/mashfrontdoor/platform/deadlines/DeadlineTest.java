package org.mashfrontdoor.platform.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.deadlines.Deadline.Alarm;
import org.mashfrontdoor.platform.deadlines.Deadline.Status;
import org.mashfrontdoor.platform.time.WorkingDayCalendar;

@DisplayName("A deadline announces approaching and breached exactly once, and late work is kept")
class DeadlineTest {

  static final Instant DISCUSSION = Instant.parse("2026-03-06T10:00:00Z");
  static final Instant DUE = Instant.parse("2026-03-27T23:59:59.999Z");
  static final Duration WARN = Duration.ofDays(3);

  final Deadline icpc = Deadline.start("ICPC", new WorkingDays(15, WorkingDayCalendar.englandAndWales()), DISCUSSION,
      WARN);

  @Test
  void starts_open_due_by_its_policy_with_its_first_alarm_at_the_warning() {
    assertThat(icpc.status()).isEqualTo(Status.OPEN);
    assertThat(icpc.dueBy()).isEqualTo(DUE);
    assertThat(icpc.nextAlarmAt()).isEqualTo(DUE.minus(WARN));
    assertThat(icpc.policy().calendarVersion()).isEqualTo("england-and-wales/2025-2028.1");
    assertThat(icpc.onTime()).isNull();
  }

  @Test
  void an_early_alarm_announces_nothing_and_keeps_the_alarm() {
    Deadline.Advance early = icpc.advance(DUE.minus(WARN).minusMillis(1));
    assertThat(early.alarm()).isNull();
    assertThat(early.deadline().nextAlarmAt()).isEqualTo(DUE.minus(WARN));
  }

  @Test
  void approaching_then_breached_each_once_the_breach_the_first_millisecond_past_the_due_time() {
    Deadline.Advance approaching = icpc.advance(DUE.minus(WARN));
    assertThat(approaching.alarm()).isEqualTo(Alarm.APPROACHING);
    assertThat(approaching.deadline().nextAlarmAt()).isEqualTo(DUE.plusMillis(1));

    Deadline.Advance again = approaching.deadline().advance(DUE);
    assertThat(again.alarm()).as("on the due time itself it is not yet breached").isNull();

    Deadline.Advance breached = approaching.deadline().advance(DUE.plusMillis(1));
    assertThat(breached.alarm()).isEqualTo(Alarm.BREACHED);
    assertThat(breached.deadline().status()).isEqualTo(Status.BREACHED);
    assertThat(breached.deadline().nextAlarmAt()).isNull();
    assertThat(breached.deadline().advance(DUE.plusSeconds(60))).isNull();
  }

  @Test
  void after_an_outage_only_the_breach_is_announced_not_a_stale_approaching() {
    Deadline.Advance late = icpc.advance(DUE.plus(Duration.ofDays(1)));
    assertThat(late.alarm()).isEqualTo(Alarm.BREACHED);
  }

  @Test
  void work_done_in_time_meets_it_on_time_and_stops_the_clock() {
    Deadline met = icpc.meet(DUE);
    assertThat(met.status()).isEqualTo(Status.MET);
    assertThat(met.onTime()).isTrue();
    assertThat(met.nextAlarmAt()).isNull();
    assertThat(met.advance(DUE.plusSeconds(1))).isNull();
  }

  @Test
  void work_done_after_a_breach_is_kept_and_marked_late() {
    Deadline breached = icpc.advance(DUE.plusMillis(1)).deadline();
    Deadline met = breached.meet(DUE.plus(Duration.ofDays(2)));
    assertThat(met.status()).isEqualTo(Status.MET);
    assertThat(met.onTime()).isFalse();
    assertThat(met.announced()).isEqualTo(Alarm.BREACHED);
  }

  @Test
  void a_clock_started_inside_its_warning_window_warns_at_the_next_poll() {
    Deadline seen = Deadline.start("CHILD_SEEN", new ElapsedTime(Duration.ofHours(10)), DISCUSSION, Duration.ofDays(1));
    assertThat(seen.nextAlarmAt()).isEqualTo(DISCUSSION);
    assertThat(seen.advance(DISCUSSION).alarm()).isEqualTo(Alarm.APPROACHING);
  }

  @Test
  void a_withdrawn_deadline_never_fires() {
    Deadline withdrawn = icpc.withdraw();
    assertThat(withdrawn.status()).isEqualTo(Status.WITHDRAWN);
    assertThat(withdrawn.advance(DUE.plusSeconds(1))).isNull();
    assertThat(withdrawn.meet(DUE)).isEqualTo(withdrawn);
  }
}
