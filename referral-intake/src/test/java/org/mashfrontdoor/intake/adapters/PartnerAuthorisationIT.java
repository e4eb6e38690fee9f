package org.mashfrontdoor.intake.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.testsupport.EmbeddedInfrastructure;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

@WithEmbeddedInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=referral-intake")
@DisplayName("referral-intake authorisation: partners' bearer tokens, scopes, and each partner's own referrals")
class PartnerAuthorisationIT {

  static final String MARF = ReferralIntakeIT.MARF; // its referrer says SCHOOL, Bishop's Oak Primary

  static final String POLICE = TestTokens.partner("west-mercia-police", "POLICE", "West Mercia Police",
      "referral:submit", "referral:read").mint();
  static final String SCHOOL = TestTokens.partner("bishops-oak-primary", "SCHOOL", "Bishop's Oak Primary",
      "referral:submit", "referral:read").mint();

  static KafkaConsumer<String, String> referralEvents;

  @Value("${local.server.port}")
  int port;

  @Autowired
  MongoDatabase database;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void consumer() {
    referralEvents = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.get().kafkaBootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "intake-auth-it-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), new StringDeserializer());
    referralEvents.subscribe(List.of(Topics.REFERRAL_EVENTS));
  }

  @AfterAll
  static void close() {
    referralEvents.close();
  }

  HttpResponse<String> post(String token) throws Exception {
    return post(MARF, token);
  }

  HttpResponse<String> post(String body, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/referrals"))
        .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", TestTokens.bearer(token));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (token != null) {
      request.header("Authorization", TestTokens.bearer(token));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(String method, String path, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, HttpRequest.BodyPublishers.noBody())
        .header("Authorization", TestTokens.bearer(token)).build(), HttpResponse.BodyHandlers.ofString());
  }

  String submitted(String token) throws Exception {
    HttpResponse<String> response = post(token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return json(response.body()).get("referralId").asString();
  }

  static JsonNode json(String body) {
    return EventJson.mapper().readTree(body);
  }

  long storedReferrals() {
    return database.getCollection("referrals").countDocuments();
  }

  static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/problem+json"));
    JsonNode problem = json(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asString()).isNotBlank();
    assertThat(problem.get("detail").asString()).isNotBlank();
  }

  @Nested
  @DisplayName("401 problem+json, storing nothing, when the token is")
  class Unauthenticated {

    void rejected(String token) throws Exception {
      long before = storedReferrals();
      HttpResponse<String> response = post(token);
      assertProblem(response, 401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
          v -> assertThat(v).startsWith("Bearer"));
      assertThat(storedReferrals()).isEqualTo(before);
      assertProblem(get("/api/v1/referrals", token), 401);
    }

    @Test
    void missing() throws Exception {
      rejected(null);
    }

    @Test
    void signed_by_a_key_we_do_not_trust() throws Exception {
      rejected(TestTokens.partner("west-mercia-police", "POLICE", "West Mercia Police", "referral:submit",
          "referral:read").signedByAStranger().mint());
    }

    @Test
    void expired() throws Exception {
      rejected(TestTokens.partner("west-mercia-police", "POLICE", "West Mercia Police", "referral:submit",
          "referral:read").expiringAt(Instant.now().minus(Duration.ofMinutes(5))).mint());
    }

    @Test
    void tampered_with_after_signing() throws Exception {
      String[] parts = POLICE.split("\\.");
      String otherClaims = TestTokens.partner("bishops-oak-primary", "SCHOOL", "Bishop's Oak Primary",
          "referral:submit", "referral:read").mint().split("\\.")[1];
      rejected(parts[0] + "." + otherClaims + "." + parts[2]);
    }

    @Test
    void not_a_jwt_at_all() throws Exception {
      rejected("not-a-token");
    }

    @Test
    void from_another_issuer() throws Exception {
      rejected(TestTokens.partner("west-mercia-police", "POLICE", "West Mercia Police", "referral:submit")
          .claim("iss", "https://another-issuer.example").mint());
    }

    @Test
    void for_another_audience() throws Exception {
      rejected(TestTokens.partner("west-mercia-police", "POLICE", "West Mercia Police", "referral:submit")
          .claim("aud", "another-api").mint());
    }

    @Test
    void without_an_expiry() throws Exception {
      rejected(TestTokens.partner("west-mercia-police", "POLICE", "West Mercia Police", "referral:submit")
          .claim("exp", null).mint());
    }
  }

  @Nested
  @DisplayName("403 problem+json, storing nothing, when a valid token lacks the scope")
  class Forbidden {

    @Test
    void submitting_with_a_read_only_token() throws Exception {
      long before = storedReferrals();
      HttpResponse<String> response = post(
          TestTokens.partner("west-mercia-police", "POLICE", "West Mercia Police", "referral:read").mint());
      assertProblem(response, 403);
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
          v -> assertThat(v).contains("insufficient_scope"));
      assertThat(storedReferrals()).isEqualTo(before);
    }

    @Test
    void reading_with_a_submit_only_token() throws Exception {
      String submitOnly = TestTokens.partner("bishops-oak-primary", "SCHOOL", "Bishop's Oak Primary",
          "referral:submit").mint();
      String referralId = submitted(submitOnly);
      assertProblem(get("/api/v1/referrals/" + referralId, submitOnly), 403);
      assertProblem(get("/api/v1/referrals", submitOnly), 403);
      for (String method : List.of("HEAD", "OPTIONS", "DELETE")) {
        assertThat(send(method, "/api/v1/referrals/" + referralId, submitOnly).statusCode()).as(method).isEqualTo(403);
      }
      assertThat(send("HEAD", "/api/v1/referrals/" + referralId, SCHOOL).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MASH_SOCIAL_WORKER", "MASH_MANAGER"})
    void mash_staff_tokens_are_for_triage_not_the_partner_api(String role) throws Exception {
      String staff = TestTokens.staff("staff-1", role).mint();
      assertProblem(post(staff), 403);
      assertProblem(get("/api/v1/referrals/" + submitted(SCHOOL), staff), 403);
    }

    @Test
    void a_partner_token_without_its_agency_and_organisation_claims() throws Exception {
      long before = storedReferrals();
      String unregistered = TestTokens.partner("new-partner", null, null, "referral:submit").mint();
      HttpResponse<String> response = post(unregistered);
      assertProblem(response, 403);
      assertThat(json(response.body()).get("detail").asString()).contains("agency");
      assertThat(storedReferrals()).isEqualTo(before);
      String unknownAgency = TestTokens.partner("new-partner", "MI5", "Thames House", "referral:submit").mint();
      assertProblem(post(unknownAgency), 403);
      assertThat(storedReferrals()).isEqualTo(before);
    }
  }

  @Test
  void a_partner_reads_its_own_referrals_and_another_partners_are_404() throws Exception {
    String schools = submitted(SCHOOL);
    String polices = submitted(POLICE);

    assertThat(get("/api/v1/referrals/" + schools, SCHOOL).statusCode()).isEqualTo(200);
    assertThat(get("/api/v1/referrals/" + polices, POLICE).statusCode()).isEqualTo(200);
    assertProblem(get("/api/v1/referrals/" + polices, SCHOOL), 404);
    assertProblem(get("/api/v1/referrals/" + schools, POLICE), 404);

    List<String> schoolSees = new ArrayList<>();
    json(get("/api/v1/referrals?limit=200", SCHOOL).body()).get("referrals")
        .forEach(r -> schoolSees.add(r.get("referralId").asString()));
    assertThat(schoolSees).contains(schools).doesNotContain(polices);
  }

  @Test
  void the_referrer_agency_and_organisation_come_from_the_token_not_the_body() throws Exception {
    // the police system's token, with a body claiming to be from a school
    String referralId = submitted(POLICE);

    List<EventEnvelope> mine = new ArrayList<>();
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      referralEvents.poll(Duration.ofMillis(200)).forEach(r -> {
        if (referralId.equals(r.key())) {
          mine.add(EventJson.read(r.value()));
        }
      });
      return !mine.isEmpty();
    });
    JsonNode referrer = mine.getFirst().data().get("referrer");
    assertThat(referrer.get("agency").asString()).isEqualTo("POLICE");
    assertThat(referrer.get("organisation").asString()).isEqualTo("West Mercia Police");
  }

  @Test
  void probes_the_api_description_and_the_schema_need_no_token() throws Exception {
    for (String open : List.of("/actuator/health", "/actuator/health/liveness", "/v3/api-docs",
        "/api/v1/schema/marf")) {
      assertThat(get(open, null).statusCode()).as(open).isEqualTo(200);
    }
    HttpResponse<String> ui = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/swagger-ui.html")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(ui.statusCode()).isEqualTo(200);
    assertProblem(get("/actuator/metrics", null), 401);
  }

  @Test
  void metrics_need_prometheus_scope() throws Exception {
    assertProblem(get("/actuator/prometheus", null), 401);
    assertProblem(get("/actuator/prometheus", POLICE), 403);
    assertProblem(get("/actuator/info", POLICE), 403);
    HttpResponse<String> scraped = get("/actuator/prometheus", TestTokens.metrics().mint());
    assertThat(scraped.statusCode()).isEqualTo(200);
    assertThat(scraped.body()).contains("jvm_memory_used_bytes");
  }
}
