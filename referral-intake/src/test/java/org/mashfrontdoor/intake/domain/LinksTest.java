package org.mashfrontdoor.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Linking: re-referral within 12 months, linked within 7 days")
class LinksTest {

  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  @Test
  void no_earlier_referral_is_neither() {
    assertThat(Links.between(NOW, List.of())).isEqualTo(new Links(false, List.of()));
  }

  @Test
  void exactly_twelve_calendar_months_before_is_a_re_referral_and_a_millisecond_more_is_not() {
    Instant twelveMonths = Instant.parse("2025-11-23T09:00:00Z");
    assertThat(Links.between(NOW, List.of(new Links.Earlier("a", twelveMonths))).reReferral()).isTrue();
    assertThat(Links.between(NOW, List.of(new Links.Earlier("a", twelveMonths.minusMillis(1)))).reReferral())
        .isFalse();
  }

  @Test
  void exactly_seven_days_before_is_linked_and_a_millisecond_more_is_not_though_still_a_re_referral() {
    Instant sevenDays = NOW.minus(Duration.ofDays(7));
    Links atBoundary = Links.between(NOW, List.of(new Links.Earlier("a", sevenDays)));
    assertThat(atBoundary.linkedReferralIds()).containsExactly("a");
    Links beyond = Links.between(NOW, List.of(new Links.Earlier("a", sevenDays.minusMillis(1))));
    assertThat(beyond.linkedReferralIds()).isEmpty();
    assertThat(beyond.reReferral()).isTrue();
  }

  @Test
  void linked_referrals_are_listed_newest_first_once_each() {
    Links links = Links.between(NOW, List.of(new Links.Earlier("old", NOW.minusSeconds(3600)),
        new Links.Earlier("new", NOW.minusSeconds(60)), new Links.Earlier("old", NOW.minusSeconds(3600))));
    assertThat(links.linkedReferralIds()).containsExactly("new", "old");
  }
}
