package org.mashfrontdoor.platform.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Time-ordered ids")
class TimeOrderedIdsTest {

  static final Instant RECEIVED = Instant.parse("2026-12-04T09:15:30.123Z");

  @Test
  void are_uuids_of_version_7_carrying_the_clocks_millisecond() {
    UUID id = UUID.fromString(TimeOrderedIds.next(Clock.fixed(RECEIVED, ZoneOffset.UTC)));

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(RECEIVED.toEpochMilli());
  }

  @Test
  void made_later_sort_later_as_text() {
    List<String> made = new ArrayList<>();
    for (int ms = 0; ms < 2_000; ms++) {
      made.add(TimeOrderedIds.next(Clock.fixed(RECEIVED.plus(Duration.ofMillis(ms)), ZoneOffset.UTC)));
    }

    assertThat(made).isSorted();
  }

  @Test
  void made_in_the_same_millisecond_differ() {
    Clock clock = Clock.fixed(RECEIVED, ZoneOffset.UTC);
    Set<String> made = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      made.add(TimeOrderedIds.next(clock));
    }

    assertThat(made).hasSize(100_000);
  }
}
