package org.mashfrontdoor.intake.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.testsupport.TestKafka;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

@WithEmbeddedInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=referral-intake")
@DisplayName("referral-intake partner API: MARF v1 rules, idempotency, limits, linking, feedback, published contract")
class PartnerApiIT {

  static final String MARF = ReferralIntakeIT.MARF;
  static final String SCHOOL = ReferralIntakeIT.SCHOOL;
  static final String GP = TestTokens.bearer(TestTokens.partner("eign-street-surgery", "GP", "Eign Street Surgery",
      "referral:submit", "referral:read").mint());

  static KafkaConsumer<String, String> referralEvents;
  static KafkaProducer<String, String> producer;
  static final Map<String, List<EventEnvelope>> eventsByReferral = new ConcurrentHashMap<>();

  @Value("${local.server.port}")
  int port;

  @Autowired
  MongoDatabase database;

  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

  @BeforeAll
  static void clients() {
    referralEvents = TestKafka.consumer(Topics.REFERRAL_EVENTS);
    producer = TestKafka.producer();
  }

  @AfterAll
  static void close() {
    referralEvents.close();
    producer.close();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  HttpResponse<String> post(String body, String key) throws Exception {
    return post(body, key, SCHOOL);
  }

  HttpResponse<String> post(String body, String key, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/api/v1/referrals")))
        .header("Content-Type", "application/json").header("Authorization", authorization)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", SCHOOL).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(String body) {
    return EventJson.mapper().readTree(body);
  }

  static List<String> pointers(HttpResponse<String> response) {
    List<String> pointers = new ArrayList<>();
    json(response.body()).get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
    return pointers;
  }

  long storedReferrals() {
    return database.getCollection("referrals").countDocuments();
  }

  /** Every referral.received event for this referral seen so far. */
  List<EventEnvelope> eventsFor(String referralId) {
    referralEvents.poll(Duration.ofMillis(200)).forEach(r ->
        eventsByReferral.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(EventJson.read(r.value())));
    return eventsByReferral.getOrDefault(referralId, List.of());
  }

  static String withChild(String childJson) {
    return MARF.replaceFirst("\"children\":\\[\\{.*?\\}\\}\\]", "\"children\":[" + childJson + "]");
  }


  @Test
  void a_missing_or_malformed_key_is_a_400_naming_the_header_and_stores_nothing() throws Exception {
    long before = storedReferrals();
    for (String key : new String[] {null, "short", "x".repeat(129), "has space in it"}) {
      HttpResponse<String> response = post(MARF, key);
      assertThat(response.statusCode()).as("key %s", key).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          v -> assertThat(v).startsWith("application/problem+json"));
      assertThat(json(response.body()).get("header").asString()).isEqualTo("Idempotency-Key");
    }
    assertThat(storedReferrals()).isEqualTo(before);
  }

  @Test
  void the_same_key_and_body_answers_the_original_referral_and_publishes_once() throws Exception {
    String key = UUID.randomUUID().toString();
    HttpResponse<String> first = post(MARF, key);
    // the same form, differently laid out, is the same body
    HttpResponse<String> again = post(MARF.replace("\n", " ").replace("{\"referralType\"", "{ \"referralType\""), key);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(first.headers().firstValue("Idempotent-Replayed")).hasValue("false");
    assertThat(json(again.body())).isEqualTo(json(first.body()));
    String referralId = json(first.body()).get("referralId").asString();
    await().atMost(Duration.ofSeconds(30)).until(() -> !eventsFor(referralId).isEmpty());
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
        .until(() -> eventsFor(referralId).size() == 1);
  }

  @Test
  void the_same_key_with_a_different_body_is_409_and_stores_nothing() throws Exception {
    String key = UUID.randomUUID().toString();
    assertThat(post(MARF, key).statusCode()).isEqualTo(202);
    long before = storedReferrals();
    HttpResponse<String> response = post(MARF.replace("hungry", "thirsty"), key);
    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(storedReferrals()).isEqualTo(before);
  }

  @Test
  void twenty_concurrent_identical_requests_make_one_referral_and_one_event() throws Exception {
    String key = UUID.randomUUID().toString();
    List<HttpResponse<String>> responses = new ArrayList<>();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(pool.submit(() -> post(MARF, key)));
      }
      for (Future<HttpResponse<String>> call : calls) {
        responses.add(call.get());
      }
    }
    assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(202);
    List<String> ids = responses.stream().map(r -> json(r.body()).get("referralId").asString()).distinct().toList();
    assertThat(ids).hasSize(1);
    assertThat(responses.stream().map(r -> json(r.body()).get("reference").asString()).distinct()).hasSize(1);
    assertThat(database.getCollection("referrals").countDocuments(Filters.eq("_id", ids.getFirst()))).isEqualTo(1);
    assertThat(database.getCollection("referrals").countDocuments(
        Filters.regex("idempotencyKey", ".*\\|" + key + "$"))).isEqualTo(1);
    await().atMost(Duration.ofSeconds(30)).until(() -> !eventsFor(ids.getFirst()).isEmpty());
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
        .until(() -> eventsFor(ids.getFirst()).size() == 1);
  }


  static final String HUGE = MARF.replace("Ava arrives hungry", "x".repeat(300 * 1024));

  @Test
  void a_body_over_256_KiB_is_413_problem_and_stores_nothing() throws Exception {
    long before = storedReferrals();
    HttpResponse<String> response = post(HUGE, UUID.randomUUID().toString());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(json(response.body()).get("status").asInt()).isEqualTo(413);
    assertThat(storedReferrals()).isEqualTo(before);
  }

  @Test
  void a_chunked_body_over_the_limit_is_413_too() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/referrals")))
        .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
        .header("Authorization", SCHOOL)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(HUGE.getBytes())))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void a_chunked_body_under_the_limit_is_accepted() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/referrals")))
        .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
        .header("Authorization", SCHOOL)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(MARF.getBytes())))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(202);
  }


  @Test
  void a_form_with_many_schema_faults_names_each_by_json_pointer_before_any_domain_rule() throws Exception {
    String tomorrow = LocalDate.now().plusDays(2).toString();
    String bad = """
        {"referralType":"POLICE_NOTIFICATION",
         "referrer":{"agency":"POLICE","organisation":"","name":"PC","email":"not-an-email","phone":"call me"},
         "children":[
           {"givenName":"Ava","familyName":"Marsh","dateOfBirth":"2016-03-14","expectedDateOfBirth":"%1$s",
            "upn":"A801200005001","nhsNumber":"12345"},
           {"familyName":"Marsh","dateOfBirth":"2001-01-01","upn":"B80120000500"},
           {"familyName":"Marsh","expectedDateOfBirth":"2099-01-01","school":"%2$s"}],
         "household":{"adults":[{"givenName":"Sam","familyName":"Marsh"}]},
         "concern":{"categories":[],"summary":"%3$s","incidentDate":"%1$s","immediateRisk":null,"levelOfNeed":0},
         "consent":{"parentAware":true,"consentGiven":false}}
        """.formatted(tomorrow, "s".repeat(201), "s".repeat(8001));
    HttpResponse<String> response = post(bad, UUID.randomUUID().toString());

    assertThat(response.statusCode()).isEqualTo(400);
    // The schema's rules only: the domain rules (DASH for police, born or unborn, ages, check digits, consent)
    // run on a form the published schema accepts.
    assertThat(pointers(response)).containsOnly(
        "/referrer/organisation", "/referrer/email", "/referrer/phone",
        "/children/0/nhsNumber", "/children/1/upn", "/children/2/school",
        "/household/adults/0/relationship",
        "/concern/categories", "/concern/summary", "/concern/immediateRisk", "/concern/levelOfNeed");
    assertThat(response.body()).doesNotContain("Marsh").doesNotContain("A801200005001");
  }

  @Test
  void a_schema_valid_form_with_many_domain_faults_names_each_by_json_pointer() throws Exception {
    String tomorrow = LocalDate.now().plusDays(2).toString();
    String bad = """
        {"referralType":"POLICE_NOTIFICATION",
         "referrer":{"agency":"POLICE","organisation":"West Mercia Police","name":"PC","email":"pc@example.org"},
         "children":[
           {"givenName":"Ava","familyName":"Marsh","dateOfBirth":"2016-03-14","expectedDateOfBirth":"%1$s",
            "upn":"A801200005001","nhsNumber":"9434765918"},
           {"familyName":"Marsh","dateOfBirth":"2001-01-01"},
           {"familyName":"Marsh","expectedDateOfBirth":"2099-01-01"},
           {"givenName":"Zac","familyName":"Marsh","dateOfBirth":"%1$s"}],
         "household":{"adults":[{"givenName":"Sam","familyName":"Marsh","dateOfBirth":"%1$s","relationship":"MOTHER"}]},
         "concern":{"categories":["NEGLECT"],"summary":"s","incidentDate":"%1$s","immediateRisk":false},
         "consent":{"parentAware":true,"consentGiven":false}}
        """.formatted(tomorrow);
    HttpResponse<String> response = post(bad, UUID.randomUUID().toString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(pointers(response)).containsExactlyInAnyOrder(
        "/domesticAbuse",
        "/children/0/expectedDateOfBirth", "/children/0/upn", "/children/0/nhsNumber",
        "/children/1/givenName", "/children/1/dateOfBirth",
        "/children/2/expectedDateOfBirth",
        "/children/3/dateOfBirth",
        "/household/adults/0/dateOfBirth",
        "/concern/incidentDate",
        "/consent/reasonNotSought");
    assertThat(response.body()).doesNotContain("Marsh").doesNotContain("A801200005001");
  }

  @Test
  void an_unborn_child_needs_no_name_or_date_of_birth_and_the_full_form_is_accepted() throws Exception {
    // The property test's complete MARF, with the postcode as a person might type it.
    String full = MarfPropertiesIT.validMarf().toString().replace("\"HR4 9EP\"", "\"hr4 9ep\"");
    HttpResponse<String> response = post(full, UUID.randomUUID().toString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
  }

  @Test
  void an_unknown_nested_field_is_named() throws Exception {
    HttpResponse<String> response = post(MARF.replace("\"line1\"", "\"flat\":\"2\",\"line1\""),
        UUID.randomUUID().toString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(pointers(response)).containsExactly("/children/0/address/flat");
  }

  @Test
  void a_wrongly_typed_value_is_named() throws Exception {
    HttpResponse<String> response = post(MARF.replace("\"levelOfNeed\":3", "\"levelOfNeed\":\"high\""),
        UUID.randomUUID().toString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(pointers(response)).containsExactly("/concern/levelOfNeed");
  }


  @Test
  void a_second_referral_about_the_same_child_is_a_linked_re_referral_in_the_event() throws Exception {
    String nhs = "9434765870";
    String child = "{\"givenName\":\"Leo\",\"familyName\":\"Carter\",\"nhsNumber\":\"" + nhs + "\"}";
    String first = json(post(withChild(child), UUID.randomUUID().toString()).body()).get("referralId").asString();
    String second = json(post(withChild(child).replace("SCHOOL", "GP"), UUID.randomUUID().toString(), GP).body())
        .get("referralId").asString();

    await().atMost(Duration.ofSeconds(30)).until(() -> !eventsFor(second).isEmpty());
    JsonNode data = eventsFor(second).getFirst().data();
    assertThat(data.get("reReferral").asBoolean()).isTrue();
    List<String> linked = new ArrayList<>();
    data.get("linkedReferralIds").forEach(id -> linked.add(id.asString()));
    assertThat(linked).contains(first);
  }

  @Test
  void case_opened_shows_the_step_down_once_and_the_partner_can_poll_changes() throws Exception {
    Instant before = Instant.now();
    String referralId = json(post(MARF, UUID.randomUUID().toString()).body()).get("referralId").asString();
    send(Topics.TRIAGE_EVENTS, UUID.randomUUID().toString(), "triage.decision-recorded.v1", referralId,
        Map.of("referralId", referralId, "outcome", "EARLY_HELP", "decidedAt", "2026-11-23T10:00:00Z"));
    String caseEvent = UUID.randomUUID().toString();
    Map<String, Object> opened = Map.of("caseId", "c-1", "referralId", referralId, "pathway", "EARLY_HELP",
        "status", "OPEN", "openedAt", "2026-11-23T11:00:00Z");
    send(Topics.CASE_EVENTS, caseEvent, "case.opened.v1", referralId, opened);
    send(Topics.CASE_EVENTS, caseEvent, "case.opened.v1", referralId, opened);

    await().atMost(Duration.ofSeconds(30)).until(() ->
        json(get("/api/v1/referrals/" + referralId).body()).get("timeline").size() == 3);
    JsonNode status = json(get("/api/v1/referrals/" + referralId).body());
    assertThat(status.get("status").asString()).isEqualTo("DECIDED");
    assertThat(status.get("whatYouStillOwn").asString()).isNotBlank();
    JsonNode last = status.get("timeline").get(2);
    assertThat(last.get("status").asString()).isIn("STEPPED_DOWN_TO_EARLY_HELP", "DECIDED");

    await().atMost(Duration.ofSeconds(30)).until(() -> {
      JsonNode t = json(get("/api/v1/referrals/" + referralId).body()).get("timeline");
      return t.size() == 3 && t.get(1).get("status").asString().equals("DECIDED")
          && t.get(2).get("status").asString().equals("STEPPED_DOWN_TO_EARLY_HELP");
    });
    // the redelivered case event changed nothing
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
        json(get("/api/v1/referrals/" + referralId).body()).get("timeline").size() == 3);

    JsonNode page = json(get("/api/v1/referrals?updatedSince=" + before + "&limit=200").body());
    List<String> ids = new ArrayList<>();
    page.get("referrals").forEach(r -> ids.add(r.get("referralId").asString()));
    assertThat(ids).contains(referralId);
    assertThat(page.get("nextUpdatedSince").asString()).isNotBlank();
    JsonNode later = json(get("/api/v1/referrals?updatedSince=" + Instant.now().plusSeconds(60)).body());
    assertThat(later.get("referrals")).isEmpty();
    assertThat(get("/api/v1/referrals?limit=1000").statusCode()).isEqualTo(400);
    HttpResponse<String> notAnInstant = get("/api/v1/referrals?updatedSince=Jane-Doe");
    assertThat(notAnInstant.statusCode()).isEqualTo(400);
    // Named, never echoed: what was typed may be a child's name.
    assertThat(notAnInstant.body()).contains("updatedSince").doesNotContain("Jane").doesNotContain("Doe");
  }

  void send(String topic, String eventId, String type, String referralId, Object data) {
    EventEnvelope event = new EventEnvelope("1.0", eventId, "/mash/test", type, referralId,
        Instant.now(), "application/json", EventJson.mapper().valueToTree(data));
    producer.send(new ProducerRecord<>(topic, referralId, EventJson.write(event)));
    producer.flush();
  }


  @Test
  void the_json_schema_is_served_and_is_the_file_in_docs() throws Exception {
    HttpResponse<String> response = get("/api/v1/schema/marf");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/schema+json"));
    assertThat(response.body()).isEqualTo(Files.readString(Path.of("../docs/marf-v1.schema.json")));
  }

  @Test
  void openapi_and_swagger_ui_are_published() throws Exception {
    HttpResponse<String> api = get("/v3/api-docs");
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(json(api.body()).get("paths").has("/api/v1/referrals")).isTrue();
    assertThat(api.body()).contains("Idempotency-Key");
    HttpResponse<String> ui = get("/swagger-ui.html");
    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(ui.body()).containsIgnoringCase("swagger");
  }
}
