package org.mashfrontdoor.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("RAG by time left to the decision deadline (amber at 8 h, red at 2 h)")
class RagPolicyTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
  final RagPolicy policy = new RagPolicy(Duration.ofHours(8), Duration.ofHours(2));

  Rag ragWithTimeLeft(Duration left) {
    return policy.ragAt(CLOCK.instant().plus(left), CLOCK.instant());
  }

  @ParameterizedTest(name = "{0} left is {1}")
  @CsvSource({
      "PT24H, GREEN",
      "PT8H0.000000001S, GREEN",
      "PT8H, AMBER",
      "PT2H0.000000001S, AMBER",
      "PT2H, RED",
      "PT0.000000001S, RED",
      "PT0S, RED",
      "PT-0.000000001S, BREACHED",
      "PT-30H, BREACHED"})
  void every_boundary(Duration left, Rag expected) {
    assertThat(ragWithTimeLeft(left)).isEqualTo(expected);
  }

  @Test
  void thresholds_are_configurable() {
    RagPolicy tighter = new RagPolicy(Duration.ofHours(4), Duration.ofHours(1));
    Instant due = CLOCK.instant().plus(Duration.ofHours(5));
    assertThat(tighter.ragAt(due, CLOCK.instant())).isEqualTo(Rag.GREEN);
    assertThat(policy.ragAt(due, CLOCK.instant())).isEqualTo(Rag.AMBER);
  }

  @Test
  void red_must_not_exceed_amber() {
    assertThatThrownBy(() -> new RagPolicy(Duration.ofHours(1), Duration.ofHours(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RagPolicy(Duration.ofHours(1), Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "with {0} left the RAG next changes at {1} left")
  @CsvSource({
      "PT24H, PT8H",
      "PT8H, PT2H",
      "PT2H, -PT0.000000001S",
      "PT0S, -PT0.000000001S"})
  void next_change_is_the_next_boundary(Duration left, Duration leftAtChange) {
    Instant now = CLOCK.instant();
    Instant due = now.plus(left);
    Instant change = policy.nextChange(due, now);
    assertThat(Duration.between(change, due)).isEqualTo(leftAtChange);
    assertThat(policy.ragAt(due, change)).isNotEqualTo(policy.ragAt(due, now));
    assertThat(policy.ragAt(due, change.minusNanos(1))).isEqualTo(policy.ragAt(due, now));
  }

  @Test
  void nothing_changes_after_a_breach() {
    Instant now = CLOCK.instant();
    assertThat(policy.nextChange(now.minusSeconds(1), now)).isNull();
  }
}
