package org.mashfrontdoor.intake.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.testsupport.TestHttp;
import org.mashfrontdoor.platform.testsupport.TestKafka;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.mashfrontdoor.platform.testsupport.TopicEvents;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/** Intake sets the MASH decision deadline, and under ONE_WORKING_DAY a weekend does not count. */
@WithEmbeddedInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.config.name=referral-intake",
    "mash.decision-deadline.policy=ONE_WORKING_DAY"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // its clock stands still: do not leave it running
@DisplayName("referral-intake on the one-working-day decision deadline")
class OneWorkingDayDecisionDeadlineIT {

  /** Friday 5 June 2026, 15:00 in London (BST). */
  static final Instant FRIDAY_3PM_LONDON = Instant.parse("2026-06-05T14:00:00Z");
  /** Monday 8 June 2026, 15:00 in London. */
  static final Instant MONDAY_3PM_LONDON = Instant.parse("2026-06-08T14:00:00Z");

  static final String SCHOOL = TestTokens.partner("bishops-oak-primary", "SCHOOL",
      "Bishop's Oak Primary", "referral:submit", "referral:read").mint();

  @TestConfiguration
  static class FridayAfternoon {
    @Bean
    Clock clock() {
      return Clock.fixed(FRIDAY_3PM_LONDON, ZoneOffset.UTC);
    }
  }

  @Value("${local.server.port}")
  int port;

  @Test
  void a_friday_afternoon_referral_is_due_monday_afternoon_and_says_so_in_the_ack_and_the_event() throws Exception {
    HttpResponse<String> response = TestHttp.on(port).postJson("/api/v1/referrals", SCHOOL,
        SampleMarfs.SCHOOL_CONCERN, "Idempotency-Key", UUID.randomUUID().toString());

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode ack = EventJson.mapper().readTree(response.body());
    assertThat(Instant.parse(ack.get("receivedAt").asString())).isEqualTo(FRIDAY_3PM_LONDON);
    assertThat(Instant.parse(ack.get("decisionDueBy").asString())).isEqualTo(MONDAY_3PM_LONDON);

    EventEnvelope event = published(ack.get("referralId").asString());
    assertThat(Instant.parse(event.data().get("decisionDueBy").asString())).isEqualTo(MONDAY_3PM_LONDON);
    JsonNode policy = event.data().get("deadlinePolicy");
    assertThat(policy.get("id").asString()).isEqualTo("ONE_WORKING_DAY");
    assertThat(policy.get("version").asInt()).isEqualTo(1);
    assertThat(policy.get("calendarVersion").asString()).isEqualTo("england-and-wales/2025-2028.1");
  }

  static EventEnvelope published(String referralId) {
    try (TopicEvents events = TestKafka.events(Topics.REFERRAL_EVENTS)) {
      return events.awaitEvent(null, referralId);
    }
  }
}
