package org.mashfrontdoor.intake.adapters;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A clock that never moves, for tests whose point needs time to stand still: no allowance refills, every referral
 * changes in the same instant.
 */
@TestConfiguration
public class StandingClock {

  public static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

  @Bean
  Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }
}
