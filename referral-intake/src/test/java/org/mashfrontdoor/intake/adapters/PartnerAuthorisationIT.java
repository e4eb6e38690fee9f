package org.mashfrontdoor.intake.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
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
import org.mashfrontdoor.platform.testsupport.Promtool;
import org.mashfrontdoor.platform.testsupport.TestHttp;
import org.mashfrontdoor.platform.testsupport.TestKafka;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.mashfrontdoor.platform.testsupport.TopicEvents;
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

  static TopicEvents referralEvents;

  @Value("${local.server.port}")
  int port;

  @Autowired
  MongoDatabase database;

  @BeforeAll
  static void consumer() {
    referralEvents = TestKafka.events(Topics.REFERRAL_EVENTS);
  }

  @AfterAll
  static void close() {
    referralEvents.close();
  }

  HttpResponse<String> post(String token) throws Exception {
    return post(MARF, token);
  }

  HttpResponse<String> post(String body, String token) throws Exception {
    return TestHttp.on(port).postJson("/api/v1/referrals", token, body,
        "Idempotency-Key", UUID.randomUUID().toString());
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    return TestHttp.on(port).get(path, token);
  }

  HttpResponse<String> send(String method, String path, String token) throws Exception {
    TestHttp http = TestHttp.on(port);
    return http.send(HttpRequest.newBuilder(http.uri(path)).method(method, HttpRequest.BodyPublishers.noBody())
        .header("Authorization", TestTokens.bearer(token)));
  }

  String submitted(String token) throws Exception {
    HttpResponse<String> response = post(token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return json(response.body()).get("referralId").asString();
  }

  static JsonNode json(String body) {
    return EventJson.mapper().readTree(body);
  }

  /** The referral.received.v1 of {@code referralId}, once intake has published it. */
  static EventEnvelope received(String referralId) {
    return referralEvents.awaitEvent(null, referralId);
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
    void mash_staff_read_contacts_in_triage_not_referrals_here(String role) throws Exception {
      String staff = TestTokens.staff("staff-1", role).mint();
      assertProblem(get("/api/v1/referrals/" + submitted(SCHOOL), staff), 403);
      assertProblem(get("/api/v1/referrals", staff), 403);
    }

    @Test
    void only_a_mash_social_worker_among_staff_records_contacts() throws Exception {
      long before = storedReferrals();
      assertProblem(post(TestTokens.staff("mgr-1", "MASH_MANAGER").mint()), 403);
      assertProblem(post(TestTokens.staff("sw-1", "SOCIAL_WORKER").mint()), 403);
      assertThat(storedReferrals()).isEqualTo(before);
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

  /**
   * Issue 11: calls and emails from the public, family members, anonymous callers and agencies without a system are
   * recorded by a MASH social worker with the same MARF plus a {@code source}; the referrer is then optional (the
   * caller, if known). They take the same path as a partner's MARF: a reference, the decision clock, the event that
   * puts them in the MASH queue, with the source the KPIs count. Partners may not give a source.
   */
  @Nested
  @DisplayName("a MASH social worker records a contact from a caller without a system")
  class RecordedByMashStaff {

    static final String MASH_SOCIAL_WORKER = TestTokens.staff("mash-social-worker", "MASH_SOCIAL_WORKER").mint();

    /** An anonymous call: no referrer at all. */
    static final String ANONYMOUS_CALL = """
        {"source":"ANONYMOUS","referralType":"MARF",
         "children":[{"givenName":"Mia","familyName":"Thorne","dateOfBirth":"2018-09-30"}],
         "concern":{"categories":["NEGLECT"],"summary":"A neighbour says Mia is left alone at night.",
                    "immediateRisk":false},
         "consent":{"parentAware":false,"consentGiven":false,"reasonNotSought":"Anonymous caller."}}
        """;

    List<String> pointers(HttpResponse<String> response) {
      assertProblem(response, 400);
      List<String> pointers = new ArrayList<>();
      json(response.body()).get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
      return pointers;
    }

    @Test
    void an_anonymous_call_without_a_referrer_is_accepted_and_goes_to_the_mash_with_its_source()
        throws Exception {
      HttpResponse<String> response = post(ANONYMOUS_CALL, MASH_SOCIAL_WORKER);

      assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
      JsonNode ack = json(response.body());
      assertThat(ack.get("reference").asString()).matches("MARF-\\d{4}-\\d{6}");
      String referralId = ack.get("referralId").asString();
      JsonNode data = received(referralId).data();
      assertThat(data.get("referrer").get("agency").asString()).as("the source the KPIs count")
          .isEqualTo("ANONYMOUS");
      assertThat(data.get("referrer").get("name").isNull()).isTrue();
      assertThat(data.get("recordedBy").asString()).isEqualTo("mash-social-worker");
      assertThat(data.get("decisionDueBy").asString()).isNotBlank();
      assertThat(data.get("children").get(0).get("givenName").asString()).isEqualTo("Mia");
      Document stored = database.getCollection("referrals").find(Filters.eq("_id", referralId)).first();
      assertThat(stored.getString("partnerId")).as("kept apart from any partner system's id")
          .isEqualTo("mash-staff:mash-social-worker");
    }

    @Test
    void a_family_members_call_describes_the_caller_without_an_agency() throws Exception {
      String call = ANONYMOUS_CALL.replace("\"source\":\"ANONYMOUS\"", """
          "source":"FAMILY_MEMBER","referrer":{"name":"J. Thorne","role":"Grandmother","phone":"07700 900123"}""");

      HttpResponse<String> response = post(call, MASH_SOCIAL_WORKER);

      assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
      JsonNode referrer = received(json(response.body()).get("referralId").asString()).data().get("referrer");
      assertThat(referrer.get("agency").asString()).isEqualTo("FAMILY_MEMBER");
      assertThat(referrer.get("name").asString()).isEqualTo("J. Thorne");
      assertThat(referrer.get("phone").asString()).isEqualTo("07700 900123");
      assertThat(pointers(post(call.replace("\"role\":\"Grandmother\"", "\"agency\":\"POLICE\""),
          MASH_SOCIAL_WORKER))).as("the source says who called").containsExactly("/referrer/agency");
    }

    @Test
    void staff_must_give_the_source_and_partners_may_not() throws Exception {
      long before = storedReferrals();

      assertThat(pointers(post(SampleMarfs.SCHOOL_CONCERN, MASH_SOCIAL_WORKER))).containsExactly("/source");
      assertThat(pointers(post(SampleMarfs.SCHOOL_CONCERN.replace("{\"referralType\"",
          "{\"source\":\"ANONYMOUS\",\"referralType\""), SCHOOL)))
          .as("a partner's source is the agency its token names").containsExactly("/source");
      assertThat(pointers(post(ANONYMOUS_CALL.replace("\"ANONYMOUS\"", "\"NEIGHBOUR\""), MASH_SOCIAL_WORKER)))
          .containsExactly("/source");
      assertThat(pointers(post(ANONYMOUS_CALL.replace(",\"reasonNotSought\":\"Anonymous caller.\"", ""),
          MASH_SOCIAL_WORKER))).as("the same rules as a partner's MARF")
          .containsExactly("/consent/reasonNotSought");
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

    JsonNode referrer = received(referralId).data().get("referrer");
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
    // The requests above are timed by the HTTP server's observation; Spring Security's own are off (platform).
    assertThat(scraped.body()).contains("http_server_requests_seconds_count").doesNotContain("spring_security_");
  }

  @Test
  void metrics_pass_promtool_check_metrics() throws Exception {
    Promtool.assertCleanMetrics(get("/actuator/prometheus", TestTokens.metrics().mint()).body(), "referral-intake");
  }
}
