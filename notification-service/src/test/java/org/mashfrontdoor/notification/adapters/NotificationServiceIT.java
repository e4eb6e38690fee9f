package org.mashfrontdoor.notification.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.testsupport.MutableClock;
import org.mashfrontdoor.platform.testsupport.EmbeddedInfrastructure;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

@WithEmbeddedInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=notification-service")
@DisplayName("notification-service: MASH staff are alerted to urgent referrals, decisions and deadlines, "
    + "and to case deadlines")
class NotificationServiceIT {

  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  /** Moves one second on every reading, so alerts stored one after another have distinct, ordered times. */
  @TestConfiguration
  static class Clocks {
    @Bean
    Clock clock() {
      return MutableClock.steppingBy(START, Duration.ofSeconds(1));
    }
  }

  static KafkaProducer<String, String> producer;

  @Value("${local.server.port}")
  int port;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void producer() {
    producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.get().kafkaBootstrapServers()),
        new StringSerializer(), new StringSerializer());
  }

  @AfterAll
  static void close() {
    producer.close();
  }

  @Test
  @DisplayName("an urgent police referral raises one alert per reason, with no personal data")
  void urgentReferral() throws Exception {
    String referralId = UUID.randomUUID().toString();
    EventEnvelope received = referralReceived(referralId, "MARF-2026-000001", true, "HIGH");

    send(Topics.REFERRAL_EVENTS, received);

    List<JsonNode> alerts = awaitAlerts(referralId, 2);
    assertThat(alerts).extracting(a -> a.get("type").asString())
        .containsExactlyInAnyOrder("IMMEDIATE_RISK", "HIGH_RISK_DOMESTIC_ABUSE");
    assertThat(alerts).allSatisfy(alert -> {
      assertThat(alert.get("referralId").asString()).isEqualTo(referralId);
      assertThat(alert.get("reference").asString()).isEqualTo("MARF-2026-000001");
      assertThat(Instant.parse(alert.get("createdAt").asString())).isAfter(START);
      assertThat(alert.get("alertId").asString()).isNotBlank();
      assertThat(alert.toString()).doesNotContain("Ava", "Marsh", "bruis");
    });
    assertThat(alerts).extracting(a -> a.get("summary").asString())
        .contains("Immediate risk reported by POLICE for referral MARF-2026-000001");
  }

  @Test
  @DisplayName("a referral that is not urgent raises nothing, while a later urgent one for the same key does")
  void notUrgentReferral() throws Exception {
    String referralId = UUID.randomUUID().toString();
    send(Topics.REFERRAL_EVENTS, referralReceived(referralId, "MARF-2026-000002", false, "MEDIUM"));
    // Same key, same partition: once this one is alerted the first has been consumed.
    send(Topics.REFERRAL_EVENTS, referralReceived(referralId, "MARF-2026-000002", false, "HIGH"));

    assertThat(awaitAlerts(referralId, 1)).extracting(a -> a.get("type").asString())
        .containsExactly("HIGH_RISK_DOMESTIC_ABUSE");
  }

  @Test
  @DisplayName("deadline and decision events raise alerts in order; a redelivered event and unknown types add nothing")
  void triageEvents() throws Exception {
    String referralId = UUID.randomUUID().toString();
    Instant due = Instant.parse("2026-03-03T09:00:00Z");
    EventEnvelope approaching = EventEnvelope.create("/mash/triage-service", "triage.deadline-approaching.v1",
        referralId, START, Map.of("referralId", referralId, "reference", "MARF-2026-000003",
            "decisionDueBy", due.toString(), "rag", "AMBER"));
    EventEnvelope opened = EventEnvelope.create("/mash/triage-service", "triage.contact-opened.v1", referralId,
        START, Map.of("contactId", "c-1", "referralId", referralId, "reference", "MARF-2026-000003"));
    EventEnvelope breached = EventEnvelope.create("/mash/triage-service", "triage.deadline-breached.v1",
        referralId, START, Map.of("referralId", referralId, "reference", "MARF-2026-000003",
            "decisionDueBy", due.toString()));
    EventEnvelope decided = EventEnvelope.create("/mash/triage-service", "triage.decision-recorded.v1",
        referralId, START, Map.of("contactId", "c-1", "referralId", referralId, "reference", "MARF-2026-000003",
            "outcome", "EARLY_HELP", "levelOfNeed", 2, "rationale", "Family agrees to early help.",
            "decidedAt", START.toString(), "decisionDueBy", due.toString(), "onTime", false));

    send(Topics.TRIAGE_EVENTS, opened);
    send(Topics.TRIAGE_EVENTS, approaching);
    send(Topics.TRIAGE_EVENTS, approaching); // redelivery: same event id
    send(Topics.TRIAGE_EVENTS, breached);
    send(Topics.TRIAGE_EVENTS, decided);

    List<JsonNode> alerts = awaitAlerts(referralId, 3);
    assertThat(alerts).extracting(a -> a.get("type").asString())
        .containsExactly("DEADLINE_APPROACHING", "DEADLINE_BREACHED", "DECISION_RECORDED");
    assertThat(alerts.get(2).get("summary").asString())
        .isEqualTo("Decision recorded for referral MARF-2026-000003: early help");
  }

  @Test
  @DisplayName("case deadline events raise one alert each naming case, kind and due time; a redelivery adds "
      + "nothing and one without a kind goes to the DLT")
  void caseDeadlines() throws Exception {
    String referralId = UUID.randomUUID().toString();
    String caseId = "case-" + UUID.randomUUID();
    Instant icpcDue = Instant.parse("2026-03-20T17:00:00Z");
    Instant seenDue = Instant.parse("2026-03-03T17:00:00Z");
    EventEnvelope approaching = caseDeadline("case.deadline-approaching.v1", referralId, caseId, "ICPC", icpcDue);
    EventEnvelope breached = caseDeadline("case.deadline-breached.v1", referralId, caseId, "CHILD_SEEN", seenDue);
    EventEnvelope opened = EventEnvelope.create("/mash/case-service", "case.opened.v1", referralId, START,
        Map.of("caseId", caseId, "referralId", referralId, "pathway", "STRATEGY_DISCUSSION", "status", "OPEN"));
    EventEnvelope withoutKind = caseDeadline("case.deadline-breached.v1", referralId, caseId, null, icpcDue);

    send(Topics.CASE_EVENTS, opened);
    send(Topics.CASE_EVENTS, approaching);
    send(Topics.CASE_EVENTS, breached);
    send(Topics.CASE_EVENTS, approaching); // redelivery: same event id
    send(Topics.CASE_EVENTS, withoutKind);

    // Same key, same partition: once the last one is dead-lettered, all before it have been handled.
    try (KafkaConsumer<String, String> deadLetters = EmbeddedInfrastructure.get()
        .readerFromStart(Topics.CASE_EVENTS + Topics.DEAD_LETTER_SUFFIX)) {
      List<String> dead = new ArrayList<>();
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        deadLetters.poll(Duration.ofMillis(200)).forEach(r -> {
          if (referralId.equals(r.key())) {
            dead.add(EventJson.read(r.value()).id());
          }
        });
        assertThat(dead).containsExactly(withoutKind.id());
      });
    }
    List<JsonNode> alerts = get("/api/v1/alerts?referralId=" + referralId);
    assertThat(alerts).extracting(a -> a.get("type").asString())
        .containsExactly("CASE_DEADLINE_APPROACHING", "CASE_DEADLINE_BREACHED");
    assertThat(alerts).allSatisfy(alert -> {
      assertThat(alert.get("referralId").asString()).isEqualTo(referralId);
      assertThat(alert.get("caseId").asString()).isEqualTo(caseId);
    });
    assertThat(alerts.get(0).get("kind").asString()).isEqualTo("ICPC");
    assertThat(Instant.parse(alerts.get(0).get("dueBy").asString())).isEqualTo(icpcDue);
    assertThat(alerts.get(0).get("summary").asString())
        .isEqualTo("ICPC due by 2026-03-20T17:00:00Z for case " + caseId + " (referral " + referralId + ")");
    assertThat(alerts.get(1).get("kind").asString()).isEqualTo("CHILD_SEEN");
    assertThat(Instant.parse(alerts.get(1).get("dueBy").asString())).isEqualTo(seenDue);
    assertThat(alerts.get(1).get("summary").asString()).startsWith("Child to be seen deadline missed for case ");
  }

  @Test
  @DisplayName("without a referral id the list holds the 100 most recent alerts, oldest first")
  void mostRecent() throws Exception {
    List<String> referralIds = new ArrayList<>();
    for (int i = 0; i < 105; i++) {
      String referralId = UUID.randomUUID().toString();
      referralIds.add(referralId);
      send(Topics.REFERRAL_EVENTS, referralReceived(referralId, "MARF-2026-1%05d".formatted(i), true, null));
    }
    List<JsonNode> batch = new ArrayList<>();
    for (String referralId : referralIds) {
      batch.addAll(awaitAlerts(referralId, 1));
    }
    // Alerts of the other tests are complete before or start after this one, so the newest 100 come from here.
    List<String> newest = batch.stream()
        .sorted(java.util.Comparator.comparing((JsonNode a) -> Instant.parse(a.get("createdAt").asString())))
        .skip(5).map(a -> a.get("alertId").asString()).toList();

    assertThat(get("/api/v1/alerts")).extracting(a -> a.get("alertId").asString()).containsExactlyElementsOf(newest);
  }

  private static EventEnvelope referralReceived(String referralId, String reference, boolean immediateRisk,
      String dash) {
    Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("referralId", referralId);
    data.put("reference", reference);
    data.put("referralType", "POLICE_NOTIFICATION");
    data.put("receivedAt", START.toString());
    data.put("decisionDueBy", START.plus(Duration.ofHours(24)).toString());
    data.put("referrer", Map.of("agency", "POLICE", "organisation", "West Mercia Police"));
    data.put("children", List.of(Map.of("givenName", "Ava", "familyName", "Marsh", "onChildProtectionPlan", false)));
    data.put("concern", Map.of("categories", List.of("DOMESTIC_ABUSE"), "summary", "Ava had bruising.",
        "immediateRisk", immediateRisk));
    data.put("dashRiskLevel", dash);
    data.put("reReferral", false);
    data.put("linkedReferralIds", List.of());
    return EventEnvelope.create("/mash/referral-intake", "referral.received.v1", referralId, START, data);
  }

  private static EventEnvelope caseDeadline(String type, String referralId, String caseId, String kind,
      Instant dueBy) {
    Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("caseId", caseId);
    data.put("referralId", referralId);
    data.put("pathway", "STRATEGY_DISCUSSION");
    data.put("kind", kind);
    data.put("dueBy", dueBy.toString());
    data.put("policy", Map.of("id", "icpc-15-working-days", "version", 1, "calendarVersion", "2026"));
    data.put("scheduledFor", dueBy.minus(Duration.ofDays(1)).toString());
    return EventEnvelope.create("/mash/case-service", type, referralId, START, data);
  }

  private static void send(String topic, EventEnvelope event) throws Exception {
    producer.send(new ProducerRecord<>(topic, event.subject(), EventJson.write(event))).get();
  }

  private List<JsonNode> awaitAlerts(String referralId, int count) throws Exception {
    String path = "/api/v1/alerts?referralId=" + URLEncoder.encode(referralId, StandardCharsets.UTF_8);
    await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
        .untilAsserted(() -> assertThat(get(path)).hasSize(count));
    return get(path);
  }

  private List<JsonNode> get(String path) throws Exception {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    List<JsonNode> alerts = new ArrayList<>();
    EventJson.mapper().readTree(response.body()).forEach(alerts::add);
    return alerts;
  }
}
