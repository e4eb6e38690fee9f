package org.mashfrontdoor.triage.adapters.web.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WordsTest {

  @Test
  void time_left_is_said_in_hours_and_minutes_and_overdue_once_the_deadline_has_passed() {
    assertThat(Words.timeLeft(Duration.ofHours(3).plusMinutes(20).plusSeconds(59)))
        .isEqualTo("3 hours 20 minutes left");
    assertThat(Words.timeLeft(Duration.ofHours(1))).isEqualTo("1 hour left");
    assertThat(Words.timeLeft(Duration.ofMinutes(1))).isEqualTo("1 minute left");
    assertThat(Words.timeLeft(Duration.ofSeconds(59))).isEqualTo("Less than a minute left");
    assertThat(Words.timeLeft(Duration.ZERO)).isEqualTo("Less than a minute left");
    assertThat(Words.timeLeft(Duration.ofSeconds(-30))).isEqualTo("Overdue by less than a minute");
    assertThat(Words.timeLeft(Duration.ofMinutes(-95))).isEqualTo("Overdue by 1 hour 35 minutes");
    assertThat(Words.timeLeft(Duration.ofHours(-50))).isEqualTo("Overdue by 2 days 2 hours");
  }

  @Test
  void times_are_london_time() {
    assertThat(Words.when(Instant.parse("2026-07-01T08:05:00Z"))).isEqualTo("09:05 on 1 July 2026");
    assertThat(Words.when(Instant.parse("2026-01-01T08:05:00Z"))).isEqualTo("08:05 on 1 January 2026");
  }
}
