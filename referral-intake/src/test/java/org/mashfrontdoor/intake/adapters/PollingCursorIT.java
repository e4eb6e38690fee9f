package org.mashfrontdoor.intake.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.testsupport.TestHttp;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** The clock stands still, so every referral changes in the same instant: the worst case for a time cursor. */
@WithEmbeddedInfrastructure
@Import(StandingClock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.config.name=referral-intake", "mash.intake.rate-limit.per-second=0"})
@DisplayName("Polling for changes: the cursor moves on even when many referrals changed in the same instant")
class PollingCursorIT {

  @Value("${local.server.port}")
  int port;

  final String partner = TestTokens.partner("cursor-school", "SCHOOL", "Oak Primary",
      "referral:submit", "referral:read").mint();

  @Test
  void pages_of_two_through_five_referrals_changed_at_once_never_repeat_and_then_end() throws Exception {
    List<String> submitted = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> accepted = TestHttp.on(port).postJson("/api/v1/referrals", partner,
          SampleMarfs.SCHOOL_CONCERN, "Idempotency-Key", UUID.randomUUID().toString());
      assertThat(accepted.statusCode()).isEqualTo(202);
      submitted.add(EventJson.mapper().readTree(accepted.body()).get("referralId").asString());
    }

    List<String> seen = new ArrayList<>();
    String query = "?limit=2";
    for (int pages = 0; pages < 5; pages++) {
      JsonNode page = EventJson.mapper().readTree(
          TestHttp.on(port).get("/api/v1/referrals" + query, partner).body());
      page.get("referrals").forEach(r -> seen.add(r.get("referralId").asString()));
      if (page.get("referrals").isEmpty()) {
        break;
      }
      query = "?limit=2&updatedSince=" + page.get("nextUpdatedSince").asString() + "&after="
          + URLEncoder.encode(page.get("nextAfter").asString(), StandardCharsets.UTF_8);
    }
    assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(submitted);
  }
}
