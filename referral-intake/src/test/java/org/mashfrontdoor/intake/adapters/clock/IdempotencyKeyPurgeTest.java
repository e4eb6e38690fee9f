package org.mashfrontdoor.intake.adapters.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.intake.application.IdempotencyKeys;
import org.springframework.scheduling.annotation.Scheduled;

class IdempotencyKeyPurgeTest {

  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  /** Records what it was asked to purge; fails when {@code failing}, as a store that is away does. */
  static final class Keys implements IdempotencyKeys {
    final List<Instant> purgedAt = new ArrayList<>();
    boolean failing;

    @Override
    public Claim claim(String partnerId, String key, String fingerprint, String referralId, Instant now,
        Instant expiresAt) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long purgeExpired(Instant now) {
      purgedAt.add(now);
      if (failing) {
        throw new IllegalStateException("store away");
      }
      return 2;
    }
  }

  @Test
  void purges_what_expired_before_the_clock_s_now() {
    Keys keys = new Keys();

    new IdempotencyKeyPurge(keys, clock).purge();

    assertThat(keys.purgedAt).containsExactly(NOW);
  }

  @Test
  void a_failed_purge_is_left_to_the_next_run() {
    Keys keys = new Keys();
    keys.failing = true;
    IdempotencyKeyPurge purge = new IdempotencyKeyPurge(keys, clock);

    assertThatCode(purge::purge).doesNotThrowAnyException();
    keys.failing = false;
    purge.purge();

    assertThat(keys.purgedAt).containsExactly(NOW, NOW);
  }

  /** The schedule and its property name are configuration operators may have set: they stay as they were. */
  @Test
  void runs_hourly_after_a_minute_unless_configured() throws NoSuchMethodException {
    Scheduled scheduled = IdempotencyKeyPurge.class.getMethod("purge").getAnnotation(Scheduled.class);

    assertThat(scheduled.fixedDelayString()).isEqualTo("${mash.intake.key-purge-interval:PT1H}");
    assertThat(scheduled.initialDelayString()).isEqualTo("PT1M");
  }
}
