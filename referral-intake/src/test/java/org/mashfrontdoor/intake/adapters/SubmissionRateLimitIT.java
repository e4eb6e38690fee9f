package org.mashfrontdoor.intake.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.testsupport.TestHttp;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The clock stands still, so no allowance refills during the test: what is refused is refused for certain. */
@WithEmbeddedInfrastructure
@Import(StandingClock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.config.name=referral-intake", "mash.intake.rate-limit.per-second=1", "mash.intake.rate-limit.burst=2"})
@DisplayName("Per-partner rate limit on MARF submissions: 429 with Retry-After, other partners unaffected")
class SubmissionRateLimitIT {

  @Value("${local.server.port}")
  int port;

  final String police = TestTokens.partner("rate-police", "POLICE", "West Mercia Police",
      "referral:submit", "referral:read").mint();
  final String school = TestTokens.partner("rate-school", "SCHOOL", "Oak Primary",
      "referral:submit", "referral:read").mint();

  @Test
  void a_partner_over_its_allowance_is_told_when_to_send_again() throws Exception {
    assertThat(post(police).statusCode()).isEqualTo(202);
    assertThat(post(police).statusCode()).isEqualTo(202);
    HttpResponse<String> refused = post(police);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).contains("1");
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(refused.body()).contains("\"status\":429");
    assertThat(post(school).statusCode()).isEqualTo(202);
  }

  HttpResponse<String> post(String token) {
    return TestHttp.on(port).postJson("/api/v1/referrals", token, SampleMarfs.SCHOOL_CONCERN,
        "Idempotency-Key", UUID.randomUUID().toString());
  }
}
