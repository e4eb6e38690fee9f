package org.mashfrontdoor.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Each partner's MARF allowance (a token bucket)")
class SubmissionAllowanceTest {

  static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

  @Test
  @DisplayName("a burst is allowed, then one more each 1/rate seconds, with the wait until then")
  void burstThenRate() {
    SubmissionAllowance allowance = new SubmissionAllowance(2, 3);
    assertThat(allowance.take("police", T0)).isEmpty();
    assertThat(allowance.take("police", T0)).isEmpty();
    assertThat(allowance.take("police", T0)).isEmpty();
    assertThat(allowance.take("police", T0)).contains(Duration.ofMillis(500));
    assertThat(allowance.take("police", T0.plusMillis(499))).isPresent();
    assertThat(allowance.take("police", T0.plusMillis(500))).isEmpty();
    assertThat(allowance.take("police", T0.plusSeconds(60))).isEmpty(); // refilled to the burst, no more
    assertThat(allowance.take("police", T0.plusSeconds(60))).isEmpty();
    assertThat(allowance.take("police", T0.plusSeconds(60))).isEmpty();
    assertThat(allowance.take("police", T0.plusSeconds(60))).isPresent();
  }

  @Test
  @DisplayName("partners have allowances of their own; rate 0 is no limit")
  void perPartnerAndOff() {
    SubmissionAllowance allowance = new SubmissionAllowance(1, 1);
    assertThat(allowance.take("police", T0)).isEmpty();
    assertThat(allowance.take("police", T0)).isPresent();
    assertThat(allowance.take("school", T0)).isEmpty();
    SubmissionAllowance off = new SubmissionAllowance(0, 0);
    for (int i = 0; i < 1000; i++) {
      assertThat(off.take("police", T0)).isEmpty();
    }
  }
}
