package org.mashfrontdoor.intake.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.testsupport.EmbeddedInfrastructure;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

@WithEmbeddedInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=referral-intake")
@DisplayName("referral-intake: a partner posts a MARF and follows it")
class ReferralIntakeIT {

  static final String MARF = SampleMarfs.SCHOOL_CONCERN;

  /** The school's system, as its client-credentials token says (the MARF's referrer says the same). */
  static final String SCHOOL = TestTokens.bearer(TestTokens.partner("bishops-oak-primary", "SCHOOL",
      "Bishop's Oak Primary", "referral:submit", "referral:read").mint());

  static KafkaConsumer<String, String> referralEvents;
  static KafkaProducer<String, String> triageEvents;

  @Value("${local.server.port}")
  int port;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void clients() {
    String brokers = EmbeddedInfrastructure.get().kafkaBootstrapServers();
    referralEvents = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
        ConsumerConfig.GROUP_ID_CONFIG, "intake-it-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), new StringDeserializer());
    referralEvents.subscribe(List.of(Topics.REFERRAL_EVENTS));
    triageEvents = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
        new StringSerializer(), new StringSerializer());
  }

  @AfterAll
  static void close() {
    referralEvents.close();
    triageEvents.close();
  }

  HttpResponse<String> post(String body, String contentType) throws Exception {
    return post(body, contentType, UUID.randomUUID().toString());
  }

  HttpResponse<String> post(String body, String contentType, String idempotencyKey) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/referrals"))
        .header("Content-Type", contentType).header("Authorization", SCHOOL)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode get(String referralId) throws Exception {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/referrals/" + referralId))
            .header("Authorization", SCHOOL).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return EventJson.mapper().readTree(response.body());
  }

  static JsonNode json(String body) {
    return EventJson.mapper().readTree(body);
  }

  void sendTriageEvent(String eventId, String type, String referralId, Object data) {
    EventEnvelope event = new EventEnvelope("1.0", eventId, "/mash/triage-service", type, referralId,
        Instant.now(), "application/json", EventJson.mapper().valueToTree(data));
    triageEvents.send(new ProducerRecord<>(Topics.TRIAGE_EVENTS, referralId, EventJson.write(event)));
    triageEvents.flush();
  }

  @Test
  void acknowledges_a_marf_with_a_reference_and_a_24_hour_decision_deadline() throws Exception {
    HttpResponse<String> response = post(MARF, "application/json");

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode ack = json(response.body());
    assertThat(ack.get("status").asString()).isEqualTo("RECEIVED");
    assertThat(ack.get("reference").asString()).matches("MARF-\\d{4}-\\d{6}");
    Instant receivedAt = Instant.parse(ack.get("receivedAt").asString());
    assertThat(Instant.parse(ack.get("decisionDueBy").asString())).isEqualTo(receivedAt.plus(Duration.ofHours(24)));
    assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/referrals/" + ack.get("referralId").asString());
  }

  @Test
  void publishes_referral_received_keyed_by_referral_id_without_address_or_nhs_number() throws Exception {
    String referralId = json(post(MARF, "application/json").body()).get("referralId").asString();

    List<ConsumerRecord<String, String>> mine = new ArrayList<>();
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      referralEvents.poll(Duration.ofMillis(200)).forEach(r -> {
        if (referralId.equals(r.key())) {
          mine.add(r);
        }
      });
      return !mine.isEmpty();
    });
    ConsumerRecord<String, String> record = mine.getFirst();
    EventEnvelope event = EventJson.read(record.value());
    assertThat(event.type()).isEqualTo("referral.received.v1");
    assertThat(event.subject()).isEqualTo(referralId);
    assertThat(new String(record.headers().lastHeader("id").value(), StandardCharsets.UTF_8)).isEqualTo(event.id());
    Instant receivedAt = Instant.parse(event.data().get("receivedAt").asString());
    assertThat(Instant.parse(event.data().get("decisionDueBy").asString()))
        .as("the deadline triage will enforce").isEqualTo(receivedAt.plus(Duration.ofHours(24)));
    assertThat(event.data().get("deadlinePolicy").get("id").asString()).isEqualTo("ELAPSED_24H");
    assertThat(event.data().get("deadlinePolicy").get("version").asInt()).isEqualTo(1);
    assertThat(event.data().get("dashRiskLevel").asString()).isEqualTo("HIGH");
    assertThat(event.data().get("children").get(0).get("givenName").asString()).isEqualTo("Ava");
    assertThat(record.value()).doesNotContain("9434765919").doesNotContain("HR4 9EP").doesNotContain("dsl@example.org");
  }

  @Test
  void shows_the_referrer_in_triage_then_the_decision_and_ignores_a_redelivered_event() throws Exception {
    String referralId = json(post(MARF, "application/json").body()).get("referralId").asString();

    sendTriageEvent(UUID.randomUUID().toString(), "triage.contact-opened.v1", referralId,
        Map.of("referralId", referralId));
    await().atMost(Duration.ofSeconds(30)).until(() -> get(referralId).get("status").asString().equals("IN_TRIAGE"));

    String decisionEventId = UUID.randomUUID().toString();
    Map<String, Object> decision = Map.of("referralId", referralId, "outcome", "EARLY_HELP", "levelOfNeed", 2,
        "decidedAt", "2026-11-23T10:00:00Z");
    sendTriageEvent(decisionEventId, "triage.decision-recorded.v1", referralId, decision);
    await().atMost(Duration.ofSeconds(30)).until(() -> get(referralId).get("status").asString().equals("DECIDED"));
    JsonNode decided = get(referralId);
    assertThat(decided.get("outcome").asString()).isEqualTo("EARLY_HELP");
    assertThat(decided.get("whatHappensNext").asString()).contains("early help");
    assertThat(decided.get("timeline")).hasSize(3);

    // Redelivery of the same decision, then a marker event: once the marker is applied, the redelivery was seen.
    sendTriageEvent(decisionEventId, "triage.decision-recorded.v1", referralId, decision);
    sendTriageEvent(UUID.randomUUID().toString(), "triage.contact-opened.v1", referralId, Map.of());
    String other = json(post(MARF, "application/json").body()).get("referralId").asString();
    sendTriageEvent(UUID.randomUUID().toString(), "triage.contact-opened.v1", other, Map.of());
    await().atMost(Duration.ofSeconds(30)).until(() -> get(other).get("status").asString().equals("IN_TRIAGE"));
    assertThat(get(referralId).get("timeline")).hasSize(3);
  }

  @Test
  void unknown_referral_is_404_problem() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/api/v1/referrals/" + UUID.randomUUID()))
        .header("Authorization", SCHOOL).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/problem+json"));
  }

  @Nested
  @DisplayName("rejects bad input with problem+json, writing nothing")
  class Rejections {

    @Test
    void names_every_bad_field_at_once_by_json_pointer() throws Exception {
      String bad = MARF.replace("\"9434765919\"", "\"9434765918\"")
          .replace("\"HR4 9EP\"", "\"NOT A POSTCODE\"")
          .replace("\"levelOfNeed\":3", "\"levelOfNeed\":7")
          .replace("\"name\":\"A. Teacher\",", "");
      HttpResponse<String> response = post(bad, "application/json");

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          v -> assertThat(v).startsWith("application/problem+json"));
      List<String> pointers = new ArrayList<>();
      json(response.body()).get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
      assertThat(pointers).containsExactlyInAnyOrder("/children/0/nhsNumber", "/children/0/address/postcode",
          "/concern/levelOfNeed", "/referrer/name");
    }

    @Test
    void a_police_notification_needs_its_dash_risk_level() throws Exception {
      String bad = MARF.replace("\"MARF\"", "\"POLICE_NOTIFICATION\"")
          .replace(",\n \"domesticAbuse\":{\"dashRiskLevel\":\"HIGH\"}", "")
          .replace("\"domesticAbuse\":{\"dashRiskLevel\":\"HIGH\"},", "");
      HttpResponse<String> response = post(bad, "application/json");
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).contains("/domesticAbuse");
    }

    @Test
    void malformed_json_says_where() throws Exception {
      HttpResponse<String> response = post("{\"referralType\": \"MARF\",\n \"referrer\": {", "application/json");
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(json(response.body()).get("detail").asString()).contains("line");
    }

    @Test
    void unknown_fields_are_rejected_not_dropped() throws Exception {
      HttpResponse<String> response = post(MARF.replace("\"referralType\":\"MARF\",",
          "\"referralType\":\"MARF\",\"favouriteColour\":\"blue\","), "application/json");
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).contains("/favouriteColour");
    }

    @Test
    void an_unknown_enum_value_is_named() throws Exception {
      HttpResponse<String> response = post(MARF.replace("\"NEGLECT\"", "\"BAD_VIBES\""), "application/json");
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).contains("/concern/categories/0");
    }

    @Test
    void wrong_media_type_is_415() throws Exception {
      HttpResponse<String> response = post(MARF, "text/plain");
      assertThat(response.statusCode()).isEqualTo(415);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          v -> assertThat(v).startsWith("application/problem+json"));
    }
  }
}
