package org.mashfrontdoor.triage.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.persistence.MongoAuditLedger;
import org.mashfrontdoor.platform.testsupport.TestHttp;
import org.mashfrontdoor.platform.testsupport.TestKafka;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * Who may call triage (MASH staff by their token's roles; which role takes which step is the domain's rule) and
 * the read audit (every read of a contact recorded, who, what, when, why, before it is shown). The context is
 * closed after this class: a second live triage consumer would answer {@link TriageServiceIT}'s referrals too.
 */
@WithEmbeddedInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=triage-service")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@DisplayName("triage-service: MASH staff bearer tokens, roles, and the audit of every read of a contact")
class StaffAccessIT {

  /** Not a RAG report slot, and another day than TriageServiceIT's, so no report here collides with its. */
  static final Instant NOW = Instant.parse("2026-03-04T11:30:00Z");

  @TestConfiguration
  static class FixedClock {
    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  static final String SOCIAL_WORKER = "MASH_SOCIAL_WORKER";
  static final String MANAGER = "MASH_MANAGER";
  static final String WORKER_TOKEN = TestTokens.staff("sw-1", SOCIAL_WORKER).mint();
  static final String MANAGER_TOKEN = TestTokens.staff("mgr-1", MANAGER).mint();
  static final String READ = "?purpose=MASH%20screening";
  static final String EARLY_HELP = TriageServiceIT.EARLY_HELP;

  static KafkaProducer<String, String> referralEvents;

  @Value("${local.server.port}")
  int port;

  @Autowired
  MongoDatabase database;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void producer() {
    referralEvents = TestKafka.producer();
  }

  @AfterAll
  static void close() {
    referralEvents.close();
  }

  static String send(String referralId, Instant receivedAt, List<String> linkedReferralIds) {
    referralEvents.send(new ProducerRecord<>(Topics.REFERRAL_EVENTS, referralId, TriageServiceIT.referralReceived(
        referralId, receivedAt, false, null, "MARF", linkedReferralIds)));
    referralEvents.flush();
    return referralId;
  }

  /** A new referral's contact, open and GREEN. */
  String openContact() {
    String referralId = send(UUID.randomUUID().toString(), NOW, List.of());
    awaitContact(referralId);
    return referralId;
  }

  void awaitContact(String referralId) {
    await().atMost(Duration.ofSeconds(30)).until(() -> call(referralId + READ, WORKER_TOKEN, null).statusCode() == 200);
  }

  /** A request to {@code /api/v1/triage/<path>} with {@code token} (none if null); a body makes it a POST. */
  HttpResponse<String> call(String path, String token, String body) throws Exception {
    TestHttp triage = TestHttp.on(port);
    HttpRequest.Builder request = triage.request("/api/v1/triage/" + path, token);
    if (body != null) {
      request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }
    return triage.send(request);
  }

  static JsonNode json(String body) {
    return EventJson.mapper().readTree(body);
  }

  static void assertProblem(HttpResponse<String> response, int status, String title) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    JsonNode problem = json(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asString()).isEqualTo(title);
    assertThat(problem.get("detail").asString()).isNotBlank();
  }

  /** The audit ledger's entries about the contact, oldest first: what each records ({@code fields}). */
  List<Document> auditOf(String contactId) {
    return ledger().find(Filters.eq("subject", "contact:" + contactId)).sort(Sorts.ascending("_id"))
        .map(entry -> entry.get("fields", Document.class)).into(new ArrayList<>());
  }

  MongoCollection<Document> ledger() {
    return database.getCollection(MongoAuditLedger.ENTRIES);
  }

  // --- authorisation --------------------------------------------------------------------------------------

  /** Every endpoint refuses {@code token} with {@code status}, and the contact is left as opened. */
  void allRefused(String token, int status, String title) throws Exception {
    String referralId = openContact();
    for (String step : List.of("checks", "recommendation", "decision")) {
      String body = step.equals("checks") ? "{\"advice\":\"Advice given.\"}" : EARLY_HELP;
      assertProblem(call(referralId + "/" + step, token, body), status, title);
    }
    assertProblem(call("queue", token, null), status, title);
    assertProblem(call(referralId + READ, token, null), status, title);
    assertProblem(call("audit?referralId=" + referralId, token, null), status, title);
    assertThat(json(call(referralId + READ, WORKER_TOKEN, null).body()).get("history"))
        .extracting(h -> h.get("step").asString()).containsExactly("OPENED");
  }

  @Test
  void without_a_token_every_endpoint_is_401_and_says_how_to_authenticate() throws Exception {
    allRefused(null, 401, "Bearer token required");
    assertThat(call("queue", null, null).headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
  }

  @Test
  void a_forged_or_expired_staff_token_is_401() throws Exception {
    allRefused(TestTokens.staff("mgr-1", MANAGER).signedByAStranger().mint(), 401, "Invalid bearer token");
    assertProblem(call("queue", TestTokens.staff("mgr-1", MANAGER)
        .expiringAt(Instant.now().minus(Duration.ofMinutes(5))).mint(), null), 401, "Invalid bearer token");
  }

  @Test
  void a_partner_systems_token_or_a_role_that_is_not_mash_staff_is_403() throws Exception {
    allRefused(TestTokens.partner("west-mercia-police", "POLICE", "West Mercia Police", "referral:submit",
        "referral:read").mint(), 403, "Insufficient scope or role");
    assertProblem(call("queue", TestTokens.staff("jan-1", "JANITOR").mint(), null), 403, "Insufficient scope or role");
  }

  @Test
  void a_social_worker_records_checks_and_recommends_but_only_a_manager_signs_off() throws Exception {
    String referralId = openContact();
    String worker = TestTokens.staff("sw-5", SOCIAL_WORKER).mint();
    String manager = TestTokens.staff("mgr-5", MANAGER).mint();

    assertThat(call(referralId + "/checks", worker, """
        {"checks":[{"agency":"POLICE","requestedAt":"2026-03-04T10:30:00Z"}]}""").statusCode()).isEqualTo(200);
    assertProblem(call(referralId + "/checks", manager, """
        {"advice":"Advice given."}"""), 403, "Not permitted");
    assertProblem(call(referralId + "/recommendation", manager, EARLY_HELP), 403, "Not permitted");
    assertThat(call(referralId + "/recommendation", worker, EARLY_HELP).statusCode()).isEqualTo(200);
    HttpResponse<String> workerSignsOff = call(referralId + "/decision", worker, EARLY_HELP);
    assertProblem(workerSignsOff, 403, "Not permitted");
    assertThat(json(workerSignsOff.body()).get("detail").asString()).contains(SOCIAL_WORKER);

    HttpResponse<String> signedOff = call(referralId + "/decision", manager, EARLY_HELP);
    assertThat(signedOff.statusCode()).isEqualTo(200);
    JsonNode contact = json(signedOff.body());
    assertThat(contact.get("checks").get(0).get("recordedBy").asString()).isEqualTo("sw-5");
    assertThat(contact.get("recommendation").get("recommendedBy").asString()).isEqualTo("sw-5");
    assertThat(contact.get("decision").get("decidedBy").asString()).as("the staff id is the token's sub")
        .isEqualTo("mgr-5");
    // Each step's answer shows the contact: a read, audited with the step as its purpose (refusals show nothing).
    assertThat(auditOf(referralId)).extracting(d -> d.getString("staffId") + " " + d.getString("purpose"))
        .endsWith("sw-5 Recording multi-agency checks", "sw-5 Recording a recommendation",
            "mgr-5 Recording the decision"); // after the reads that waited for the contact to open
    for (String token : List.of(worker, manager)) {
      assertThat(call("queue", token, null).statusCode()).isEqualTo(200);
      assertThat(call(referralId + READ, token, null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void a_body_over_64_KB_is_refused_with_413_before_anything_reads_it() throws Exception {
    String referralId = openContact();
    String worker = TestTokens.staff("sw-6", SOCIAL_WORKER).mint();
    HttpResponse<String> huge = call(referralId + "/checks", worker,
        "{\"advice\":\"" + "x".repeat(70 * 1024) + "\"}");
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(huge.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
  }

  @Test
  void probes_and_the_api_description_need_no_token_metrics_need_prometheus_scope() throws Exception {
    for (String open : List.of("/actuator/health", "/v3/api-docs")) {
      assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + open)).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).as(open).isEqualTo(200);
    }
    HttpRequest.Builder metrics = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"));
    assertThat(http.send(metrics.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    assertThat(http.send(metrics.header("Authorization", TestTokens.metricsBearer()).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
  }

  @Test
  void head_and_options_on_the_managers_audit_are_refused_to_a_social_worker() throws Exception {
    String referralId = openContact();
    for (String method : List.of("HEAD", "OPTIONS")) {
      HttpRequest.Builder audit = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
          + "/api/v1/triage/audit?referralId=" + referralId)).method(method, HttpRequest.BodyPublishers.noBody());
      assertThat(http.send(audit.build(), HttpResponse.BodyHandlers.discarding()).statusCode()).as(method)
          .isEqualTo(401);
      assertThat(http.send(audit.copy().header("Authorization", TestTokens.bearer(WORKER_TOKEN)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode()).as(method).isEqualTo(403);
      assertThat(http.send(audit.copy().header("Authorization", TestTokens.bearer(MANAGER_TOKEN)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode()).as(method).isEqualTo(200);
    }
  }

  // --- read audit -----------------------------------------------------------------------------------------

  @Test
  void a_read_writes_one_audit_record_of_who_what_when_and_why_and_no_personal_data() throws Exception {
    String police = openContact();
    String school = send(UUID.randomUUID().toString(), NOW, List.of(police));
    await().atMost(Duration.ofSeconds(30)).until(() ->
        json(call(police + READ, WORKER_TOKEN, null).body()).get("referralIds").size() == 2);
    int before = auditOf(police).size();

    HttpResponse<String> response = call(school + "?purpose=MASH%20screening%3A%20second%20referral",
        TestTokens.staff("mgr-8", MANAGER).mint(), null);

    assertThat(response.statusCode()).isEqualTo(200);
    List<Document> audit = auditOf(police);
    assertThat(audit).hasSize(before + 1);
    Document read = audit.getLast();
    assertThat(read.getString("staffId")).isEqualTo("mgr-8");
    assertThat(read.getString("role")).isEqualTo(MANAGER);
    assertThat(read.getString("contactId")).isEqualTo(police);
    assertThat(read.getString("requestedAs")).isEqualTo(school);
    assertThat(read.getList("referralIds", String.class)).containsExactly(police, school);
    assertThat(Instant.parse(read.getString("at"))).as("the server's clock").isEqualTo(NOW);
    assertThat(read.getString("purpose")).isEqualTo("MASH screening: second referral");
    assertThat(read.keySet()).containsExactlyInAnyOrder("staffId", "role", "contactId", "requestedAs",
        "referralIds", "at", "purpose");
    Document entry = ledger().find().sort(Sorts.descending("_id")).first();
    assertThat(entry.get("fields", Document.class)).isEqualTo(read);
    assertThat(entry.keySet()).containsExactlyInAnyOrder("_id", "subject", "fields", "previousHash", "hash");
    assertThat(entry.toJson()).doesNotContain("Ava").doesNotContain("Marsh").doesNotContain("Arrives hungry");
  }

  @Test
  void a_read_without_a_purpose_is_400_naming_it_and_writes_nothing() throws Exception {
    String referralId = openContact();
    int before = auditOf(referralId).size();

    for (String query : List.of("", "?purpose=", "?purpose=%20%20", "?purpose=" + "x".repeat(201),
        "?purpose=MASH%0Ascreening")) {
      HttpResponse<String> response = call(referralId + query, WORKER_TOKEN, null);
      assertProblem(response, 400, "Purpose required");
      JsonNode problem = json(response.body());
      assertThat(problem.get("errors").get(0).get("parameter").asString()).as(query).isEqualTo("purpose");
      assertThat(problem.has("referralIds")).as("nothing of the contact is shown").isFalse();
    }
    assertThat(auditOf(referralId)).hasSize(before);
  }

  @Test
  void reading_the_queue_or_an_unknown_referral_writes_nothing() throws Exception {
    String referralId = openContact();
    long before = ledger().countDocuments();

    HttpResponse<String> queue = call("queue", WORKER_TOKEN, null);
    assertThat(queue.body()).contains(referralId);
    assertThat(call(UUID.randomUUID() + READ, WORKER_TOKEN, null).statusCode()).isEqualTo(404);

    assertThat(ledger().countDocuments()).isEqualTo(before);
  }

  @Test
  void a_manager_lists_who_read_a_contact_and_a_social_worker_may_not() throws Exception {
    String referralId = openContact();
    call(referralId + "?purpose=Checking%20the%20police%20return", TestTokens.staff("sw-11", SOCIAL_WORKER).mint(),
        null);
    String manager = TestTokens.staff("mgr-11", MANAGER).mint();

    HttpResponse<String> audit = call("audit?referralId=" + referralId, manager, null);

    assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
    List<JsonNode> reads = new ArrayList<>();
    json(audit.body()).get("reads").forEach(reads::add);
    JsonNode last = reads.getLast();
    assertThat(last.get("staffId").asString()).isEqualTo("sw-11");
    assertThat(last.get("role").asString()).isEqualTo(SOCIAL_WORKER);
    assertThat(last.get("purpose").asString()).isEqualTo("Checking the police return");
    assertThat(Instant.parse(last.get("at").asString())).isEqualTo(NOW);
    assertThat(json(call("audit?referralId=" + referralId, manager, null).body()).get("reads").size())
        .as("reading the audit is not itself a read of the contact").isEqualTo(reads.size());
    assertProblem(call("audit?referralId=" + referralId, WORKER_TOKEN, null), 403, "Insufficient scope or role");
    assertProblem(call("audit?referralId=" + UUID.randomUUID(), manager, null), 404, "Unknown contact");
    HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/api/v1/triage/audit?referralId=" + referralId)).method("HEAD", HttpRequest.BodyPublishers.noBody())
        .header("Authorization", TestTokens.bearer(WORKER_TOKEN)).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(head.statusCode()).as("HEAD is no way round the managers-only rule").isEqualTo(403);
  }

  // --- the audit ledger: paging the managers' list, verifying the chain ------------------------------------

  static final String HEAD_OF_SERVICE_TOKEN = TestTokens.staff("hos-1", "HEAD_OF_SERVICE").mint();
  static final String OPS_TOKEN = TestTokens.staff("ops-1", "OPS").mint();

  HttpResponse<String> verify(String query, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/audit/verify"
        + query));
    if (token != null) {
      request.header("Authorization", TestTokens.bearer(token));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static List<String> purposes(HttpResponse<String> audit) {
    List<String> purposes = new ArrayList<>();
    json(audit.body()).get("reads").forEach(read -> purposes.add(read.get("purpose").asString()));
    return purposes;
  }

  static int totalCount(HttpResponse<String> response) {
    return Integer.parseInt(response.headers().firstValue("X-Total-Count").orElseThrow());
  }

  @Test
  void a_contacts_reads_come_a_page_at_a_time_and_a_bad_page_is_a_400_naming_the_parameter() throws Exception {
    String referralId = openContact();
    for (String purpose : List.of("First%20look", "Second%20look", "Third%20look")) {
      assertThat(call(referralId + "?purpose=" + purpose, WORKER_TOKEN, null).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> all = call("audit?referralId=" + referralId + "&limit=500", MANAGER_TOKEN, null);
    int total = totalCount(all);
    assertThat(purposes(all)).hasSize(total).endsWith("First look", "Second look", "Third look");
    HttpResponse<String> page = call("audit?referralId=" + referralId + "&offset=" + (total - 3) + "&limit=2",
        MANAGER_TOKEN, null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(totalCount(page)).isEqualTo(total);
    assertThat(purposes(page)).containsExactly("First look", "Second look");
    JsonNode body = json(page.body());
    assertThat(body.get("contactId").asString()).isEqualTo(referralId);
    assertThat(body.get("referralIds")).extracting(JsonNode::asString).containsExactly(referralId);

    HttpResponse<String> bad = call("audit?referralId=" + referralId + "&offset=-1&limit=501", MANAGER_TOKEN, null);
    assertProblem(bad, 400, "Invalid request");
    assertThat(json(bad.body()).get("errors")).extracting(e -> e.get("pointer").asString())
        .containsExactly("limit", "offset");
    assertProblem(call("audit?referralId=" + referralId + "&limit=0", MANAGER_TOKEN, null), 400, "Invalid request");
  }

  @Test
  void managers_the_head_of_service_and_ops_verify_the_ledger_and_nobody_else_may() throws Exception {
    call(openContact() + READ, WORKER_TOKEN, null);

    for (String token : List.of(MANAGER_TOKEN, HEAD_OF_SERVICE_TOKEN, OPS_TOKEN)) {
      HttpResponse<String> verified = verify("", token);
      assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
      assertThat(json(verified.body()).get("intact").asBoolean()).isTrue();
    }
    assertProblem(verify("", null), 401, "Bearer token required");
    assertProblem(verify("", WORKER_TOKEN), 403, "Insufficient scope or role");
    assertProblem(verify("", TestTokens.partner("west-mercia-police", "POLICE", "West Mercia Police",
        "referral:read").mint()), 403, "Insufficient scope or role");
    HttpResponse<String> badAnchor = verify("?anchorSequence=0&anchorHash=abc", MANAGER_TOKEN);
    assertProblem(badAnchor, 400, "Invalid request");
    assertThat(json(badAnchor.body()).get("errors")).extracting(e -> e.get("pointer").asString())
        .containsExactly("anchorHash", "anchorSequence");
  }

  @Test
  void a_read_changed_in_the_store_is_reported_by_its_sequence_and_a_recorded_head_shows_a_cut_end()
      throws Exception {
    call(openContact() + "?purpose=Strategy%20planning", WORKER_TOKEN, null);
    JsonNode before = json(verify("", MANAGER_TOKEN).body());
    assertThat(before.get("intact").asBoolean()).as(before.toString()).isTrue();
    long last = before.get("entries").asLong();
    JsonNode head = before.get("head");
    assertThat(head.get("sequence").asLong()).isEqualTo(last);
    String anchor = "?anchorSequence=" + last + "&anchorHash=" + head.get("hash").asString();

    // Someone with write access to the store edits the purpose of the last read.
    ledger().updateOne(Filters.eq("_id", last), Updates.set("fields.purpose", "Routine check"));
    try {
      JsonNode tampered = json(verify("", MANAGER_TOKEN).body());
      assertThat(tampered.get("intact").asBoolean()).isFalse();
      assertThat(tampered.get("brokenAt").asLong()).isEqualTo(last);
      assertThat(tampered.get("reason").asString()).isEqualTo("ALTERED_ENTRY");
      assertThat(tampered.get("detail").asString()).contains("entry " + last);
    } finally {
      ledger().updateOne(Filters.eq("_id", last), Updates.set("fields.purpose", "Strategy planning"));
    }
    assertThat(json(verify(anchor, MANAGER_TOKEN).body()).get("intact").asBoolean()).isTrue();

    JsonNode beyondTheEnd = json(verify("?anchorSequence=" + (last + 100) + "&anchorHash=" + head.get("hash")
        .asString(), MANAGER_TOKEN).body());
    assertThat(beyondTheEnd.get("reason").asString()).as("a head recorded later than the chain now reaches")
        .isEqualTo("TRUNCATED");
  }
}
