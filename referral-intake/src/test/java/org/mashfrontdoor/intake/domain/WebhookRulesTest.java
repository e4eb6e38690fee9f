package org.mashfrontdoor.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Webhook rules: acceptable URLs, retry schedule, delivery ids")
class WebhookRulesTest {

  @Test
  void a_webhook_must_be_https_without_credentials_or_fragment() {
    assertThat(WebhookSubscription.problemWithUrl("https://partner.example/mash/hook?x=1", false)).isEmpty();
    assertThat(WebhookSubscription.problemWithUrl("http://partner.example/hook", false)).hasValue("must use https");
    assertThat(WebhookSubscription.problemWithUrl("ftp://partner.example/hook", false)).hasValue("must use https");
    assertThat(WebhookSubscription.problemWithUrl("https://u:p@partner.example/", false)).isPresent();
    assertThat(WebhookSubscription.problemWithUrl("https://partner.example/#x", false)).isPresent();
    assertThat(WebhookSubscription.problemWithUrl("/relative", false)).isPresent();
    assertThat(WebhookSubscription.problemWithUrl("not a url", false)).isPresent();
    assertThat(WebhookSubscription.problemWithUrl(" ", false)).isPresent();
    assertThat(WebhookSubscription.problemWithUrl("https://partner.example/" + "x".repeat(2048), false))
        .hasValue("must be at most 2048 characters");
  }

  @Test
  void plain_http_to_this_machine_only_when_allowed() {
    assertThat(WebhookSubscription.problemWithUrl("http://127.0.0.1:9000/hook", false)).isPresent();
    assertThat(WebhookSubscription.problemWithUrl("http://127.0.0.1:9000/hook", true)).isEmpty();
    assertThat(WebhookSubscription.problemWithUrl("http://localhost/hook", true)).isEmpty();
    assertThat(WebhookSubscription.problemWithUrl("http://10.0.0.1/hook", true)).hasValue("must use https");
  }

  @Test
  void retries_double_from_the_first_wait_up_to_the_longest_then_give_up_after_the_window() {
    DeliverySchedule schedule = new DeliverySchedule(Duration.ofSeconds(10), Duration.ofHours(1),
        Duration.ofHours(24));
    Instant queued = Instant.parse("2026-11-23T10:00:00Z");
    Instant now = queued.plusSeconds(5);
    assertThat(schedule.nextAttempt(1, queued, now)).hasValue(now.plusSeconds(10));
    assertThat(schedule.nextAttempt(2, queued, now)).hasValue(now.plusSeconds(20));
    assertThat(schedule.nextAttempt(4, queued, now)).hasValue(now.plusSeconds(80));
    assertThat(schedule.nextAttempt(1000, queued, now)).hasValue(now.plus(Duration.ofHours(1)));
    assertThat(schedule.nextAttempt(3, queued, queued.plus(Duration.ofHours(24)))).isEmpty();
  }

  @Test
  void the_delivery_id_is_the_same_for_the_same_partner_referral_and_milestone_only() {
    String id = StatusNotification.deliveryId("police", "r-1", Milestone.DECIDED);
    assertThat(StatusNotification.deliveryId("police", "r-1", Milestone.DECIDED)).isEqualTo(id);
    assertThat(StatusNotification.deliveryId("police", "r-1", Milestone.IN_TRIAGE)).isNotEqualTo(id);
    assertThat(StatusNotification.deliveryId("school", "r-1", Milestone.DECIDED)).isNotEqualTo(id);
    assertThat(StatusNotification.deliveryId("police", "r-2", Milestone.DECIDED)).isNotEqualTo(id);
  }
}
