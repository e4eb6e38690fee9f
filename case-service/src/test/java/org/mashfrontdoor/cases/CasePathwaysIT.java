package org.mashfrontdoor.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mashfrontdoor.cases.adapters.clock.CaseClockLoop;
import org.mashfrontdoor.cases.application.CaseMetrics;
import org.mashfrontdoor.cases.application.Cases;
import org.mashfrontdoor.cases.application.FiringCaseDeadlines;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.persistence.MongoAuditLedger;
import org.mashfrontdoor.platform.testsupport.MutableClock;
import org.mashfrontdoor.platform.testsupport.Promtool;
import org.mashfrontdoor.platform.testsupport.TestHttp;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.testsupport.EmbeddedInfrastructure;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=case-service")
@WithEmbeddedInfrastructure
class CasePathwaysIT {

  // Monday 2 March 2026: referral received 08:00, decided 09:10, case opened 09:15 (GMT).
  private static final Instant NOW = Instant.parse("2026-03-02T09:15:00Z");
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final MutableClock CLOCK = new MutableClock(NOW);

  static final String SOCIAL_WORKER = TestTokens.staff("sw-1", "SOCIAL_WORKER").mint();
  static final String TEAM_MANAGER = TestTokens.staff("tm-1", "TEAM_MANAGER").mint();
  static final String EARLY_HELP = TestTokens.staff("eh-1", "EARLY_HELP_COORDINATOR").mint();
  static final String MASH_MANAGER = TestTokens.staff("mash-1", "MASH_MANAGER").mint();
  static final String POLICE = TestTokens.partner("police", "POLICE", "West Mercia Police", "referral:submit").mint();

  @TestConfiguration
  static class TestClock {
    @Bean
    Clock clock() {
      return CLOCK;
    }
  }

  @Autowired
  CaseClockLoop clockLoop;

  @Autowired
  Cases cases;

  @Autowired
  KafkaListenerEndpointRegistry listeners;

  private static KafkaProducer<String, String> producer;

  @Value("${local.server.port}")
  int port;

  @Autowired
  MongoDatabase database;

  @BeforeAll
  static void connect() {
    producer = EmbeddedInfrastructure.get().writer();
  }

  @AfterAll
  static void disconnect() {
    producer.close();
  }

  @org.junit.jupiter.api.BeforeEach
  void startOfTheCase() {
    CLOCK.set(NOW);
  }

  @ParameterizedTest(name = "{0} opens an open {0} case")
  @ValueSource(strings = {"EARLY_HELP", "SINGLE_ASSESSMENT", "STRATEGY_DISCUSSION"})
  void a_decision_for_early_help_an_assessment_or_a_strategy_discussion_opens_a_case(String outcome) throws Exception {
    String referralId = newReferralId();

    publishDecision(UUID.randomUUID().toString(), referralId, outcome);

    JsonNode listed = awaitCases(referralId, 1).get(0);
    assertThat(listed.get("referralId").asString()).isEqualTo(referralId);
    assertThat(listed.get("pathway").asString()).isEqualTo(outcome);
    assertThat(listed.get("status").asString()).isEqualTo("OPEN");
    assertThat(listed.get("openedAt").asString()).isEqualTo(NOW.toString());
    assertThat(listed.get("contactId").asString()).isEqualTo("C-" + referralId);

    String caseId = listed.get("caseId").asString();
    HttpResponse<String> one = get("/api/v1/cases/" + caseId + "?purpose=Allocation", SOCIAL_WORKER);
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(json(one.body()).get("rationale").asString()).isEqualTo("Manager's rationale");
    assertThat(json(one.body()).get("deadlines")).isEqualTo(listed.get("deadlines"));
    Document stored = database.getCollection("cases").find(Filters.eq("_id", caseId)).first();
    assertThat(stored.getInteger("levelOfNeed")).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0} opens no case")
  @ValueSource(strings = {"NO_FURTHER_ACTION", "INFORMATION_AND_ADVICE"})
  void a_decision_that_closes_the_contact_at_the_front_door_opens_no_case(String outcome) throws Exception {
    String referralId = newReferralId();

    publishDecision(UUID.randomUUID().toString(), referralId, outcome);
    // Same key, same partition: once this later decision's case is visible, the first one has been handled.
    publishDecision(UUID.randomUUID().toString(), referralId, "EARLY_HELP");

    List<JsonNode> cases = awaitCases(referralId, 1);
    assertThat(cases).singleElement()
        .satisfies(c -> assertThat(c.get("pathway").asString()).isEqualTo("EARLY_HELP"));
  }

  @Test
  void a_redelivered_decision_opens_one_case_and_announces_it_once() throws Exception {
    String referralId = newReferralId();
    String decisionId = UUID.randomUUID().toString();

    publishDecision(decisionId, referralId, "STRATEGY_DISCUSSION");
    publishDecision(decisionId, referralId, "STRATEGY_DISCUSSION");
    // A later decision on the same partition proves the redelivery has been handled before we count.
    publishDecision(UUID.randomUUID().toString(), referralId, "SINGLE_ASSESSMENT");

    List<JsonNode> cases = awaitCases(referralId, 2);
    assertThat(cases).extracting(c -> c.get("pathway").asString())
        .containsExactlyInAnyOrder("STRATEGY_DISCUSSION", "SINGLE_ASSESSMENT");
    String strategyCaseId = cases.stream().filter(c -> c.get("pathway").asString().equals("STRATEGY_DISCUSSION"))
        .findFirst().orElseThrow().get("caseId").asString();

    awaitOutboxDrained();
    List<ConsumerRecord<String, String>> announced = readAll(Topics.CASE_EVENTS).stream()
        .filter(r -> referralId.equals(r.key())).toList();
    assertThat(announced).hasSize(2);
    List<ConsumerRecord<String, String>> strategyOpened = announced.stream()
        .filter(r -> json(r.value()).get("data").get("caseId").asString().equals(strategyCaseId)).toList();
    assertThat(strategyOpened).singleElement().satisfies(record -> {
      JsonNode event = json(record.value());
      assertThat(header(record, "type")).isEqualTo("case.opened.v1").isEqualTo(event.get("type").asString());
      assertThat(header(record, "id")).isEqualTo(event.get("id").asString());
      assertThat(event.get("source").asString()).isEqualTo("/mash/case-service");
      assertThat(event.get("subject").asString()).isEqualTo(referralId);
      JsonNode data = event.get("data");
      assertThat(data.get("referralId").asString()).isEqualTo(referralId);
      assertThat(data.get("pathway").asString()).isEqualTo("STRATEGY_DISCUSSION");
      assertThat(data.get("status").asString()).isEqualTo("OPEN");
      assertThat(data.get("openedAt").asString()).isEqualTo(NOW.toString());
    });
  }

  @Test
  void platform_dlt_policy_a_poison_message_goes_to_the_dead_letter_topic_and_the_next_event_is_still_processed()
      throws Exception {
    String referralId = newReferralId();
    String poison = "this is not a CloudEvent " + UUID.randomUUID();

    producer.send(new ProducerRecord<>(Topics.TRIAGE_EVENTS, referralId, poison)).get();
    publishDecision(UUID.randomUUID().toString(), referralId, "SINGLE_ASSESSMENT");

    assertThat(awaitCases(referralId, 1)).singleElement()
        .satisfies(c -> assertThat(c.get("pathway").asString()).isEqualTo("SINGLE_ASSESSMENT"));
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(readAll(Topics.TRIAGE_EVENTS + Topics.DEAD_LETTER_SUFFIX))
        .anySatisfy(dead -> {
          assertThat(dead.key()).isEqualTo(referralId);
          // Redacted at rest: nothing of a value that is not an envelope is kept.
          assertThat(dead.value()).isEqualTo("{\"data\":{\"redacted\":true}}");
        }));
  }

  @Test
  void a_poll_of_contacts_opened_decisions_and_a_poison_opens_a_case_per_decision_and_dead_letters_only_the_poison()
      throws Exception {
    String referralId = newReferralId();
    String contactOpened = """
        {"specversion":"1.0","id":"%s","source":"/mash/triage-service","type":"triage.contact-opened.v1",
         "subject":"%s","time":"2026-03-02T08:00:00Z","datacontenttype":"application/json","data":{}}
        """.formatted(UUID.randomUUID(), referralId);

    // One key, so one partition, in this order; sent while the listener is paused, so that they usually come in one
    // poll (the assertions hold however they are split).
    MessageListenerContainer listener = listeners.getListenerContainer("case-service-triage-events");
    listener.pause();
    try {
      await().atMost(PATIENCE).until(listener::isContainerPaused);
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (ProducerRecord<String, String> record : List.of(
          new ProducerRecord<>(Topics.TRIAGE_EVENTS, referralId, contactOpened),
          decisionRecord(UUID.randomUUID().toString(), referralId, "STRATEGY_DISCUSSION"),
          new ProducerRecord<>(Topics.TRIAGE_EVENTS, referralId, contactOpened),
          decisionRecord(UUID.randomUUID().toString(), referralId, "SINGLE_ASSESSMENT"),
          new ProducerRecord<>(Topics.TRIAGE_EVENTS, referralId, "not an event " + UUID.randomUUID()),
          decisionRecord(UUID.randomUUID().toString(), referralId, "EARLY_HELP"))) {
        sent.add(producer.send(record));
      }
      producer.flush();
      for (Future<RecordMetadata> one : sent) {
        one.get();
      }
    } finally {
      listener.resume();
    }

    assertThat(awaitCases(referralId, 3)).extracting(c -> c.get("pathway").asString())
        .containsExactlyInAnyOrder("STRATEGY_DISCUSSION", "SINGLE_ASSESSMENT", "EARLY_HELP");
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(readAll(Topics.TRIAGE_EVENTS + Topics.DEAD_LETTER_SUFFIX))
        .filteredOn(dead -> referralId.equals(dead.key())).singleElement()
        .satisfies(dead -> assertThat(dead.value()).isEqualTo("{\"data\":{\"redacted\":true}}")));
  }

  @Test
  void listing_cases_without_a_referral_id_or_status_is_a_bad_request_naming_the_parameter() throws Exception {
    HttpResponse<String> response = get("/api/v1/cases", SOCIAL_WORKER);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("referralId");
  }

  @Test
  void a_referral_without_cases_lists_none() throws Exception {
    HttpResponse<String> response = get("/api/v1/cases?referralId=" + newReferralId(), SOCIAL_WORKER);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response.body()).isArray()).isTrue();
    assertThat(json(response.body())).isEmpty();
  }

  @Test
  void an_unknown_case_is_not_found() throws Exception {
    HttpResponse<String> response = get("/api/v1/cases/" + UUID.randomUUID() + "?purpose=Allocation", SOCIAL_WORKER);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
  }

  static final String FULL_TABLE = """
      [{"agency":"LOCAL_AUTHORITY_SOCIAL_CARE","role":"Team manager","name":"A. Social"},
       {"agency":"POLICE","role":"Detective sergeant","name":"B. Police"},
       {"agency":"HEALTH_VISITOR","role":"Health visitor","name":"C. Health"}]""";

  @Test
  void strategy_discussion_then_section_47_then_an_icpc_on_time_each_announced_without_names() throws Exception {
    String referralId = newReferralId();
    String caseId = caseFor(referralId, "STRATEGY_DISCUSSION");
    CLOCK.set(Instant.parse("2026-03-06T18:00:00Z")); // Friday evening

    HttpResponse<String> discussed = post("/api/v1/cases/" + caseId + "/strategy-discussion", SOCIAL_WORKER, """
        {"heldAt":"2026-03-06T17:45:00Z","participants":%s,"section47":true,"rationale":"Reasonable cause"}
        """.formatted(FULL_TABLE));
    assertThat(discussed.statusCode()).as(discussed.body()).isEqualTo(200);
    CLOCK.set(Instant.parse("2026-03-16T12:00:00Z"));
    HttpResponse<String> concluded = post("/api/v1/cases/" + caseId + "/section-47", SOCIAL_WORKER,
        "{\"concludedAt\":\"2026-03-16T11:00:00Z\",\"outcome\":\"ICPC\"}");
    assertThat(concluded.statusCode()).as(concluded.body()).isEqualTo(200);
    JsonNode icpc = json(concluded.body()).get("deadlines").get(0);
    assertThat(icpc.get("kind").asString()).isEqualTo("ICPC");
    assertThat(icpc.get("dueBy").asString()).isEqualTo("2026-03-27T23:59:59.999Z");
    assertThat(icpc.get("status").asString()).isEqualTo("OPEN");
    assertThat(icpc.get("policy").get("id").asString()).isEqualTo("WORKING_DAYS_15");
    assertThat(icpc.get("policy").get("calendarVersion").asString()).isEqualTo("england-and-wales/2025-2028.1");

    CLOCK.set(Instant.parse("2026-03-26T15:00:00Z"));
    HttpResponse<String> held = post("/api/v1/cases/" + caseId + "/icpc", TEAM_MANAGER,
        "{\"heldAt\":\"2026-03-26T14:00:00Z\",\"outcome\":\"CHILD_PROTECTION_PLAN\"}");
    assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
    JsonNode met = json(held.body()).get("deadlines").get(0);
    assertThat(met.get("status").asString()).isEqualTo("MET");
    assertThat(met.get("onTime").asBoolean()).isTrue();

    await().atMost(PATIENCE).untilAsserted(() -> assertThat(types(caseEvents(referralId))).contains(
        "case.opened.v1", "case.strategy-discussion-held.v1", "case.section-47-concluded.v1", "case.icpc-held.v1"));
    List<JsonNode> events = caseEvents(referralId);
    JsonNode discussion = events.stream().filter(e -> e.get("type").asString().equals("case.strategy-discussion-held.v1"))
        .findFirst().orElseThrow();
    assertThat(discussion.get("data").get("section47").asBoolean()).isTrue();
    assertThat(discussion.get("data").get("agencies").toString())
        .contains("POLICE", "HEALTH_VISITOR", "LOCAL_AUTHORITY_SOCIAL_CARE");
    assertThat(events.toString()).doesNotContain("A. Social", "B. Police", "C. Health", "Reasonable cause");
    JsonNode conference = events.stream().filter(e -> e.get("type").asString().equals("case.icpc-held.v1"))
        .findFirst().orElseThrow().get("data");
    assertThat(conference.get("onTime").asBoolean()).isTrue();
    assertThat(conference.get("outcome").asString()).isEqualTo("CHILD_PROTECTION_PLAN");
  }

  @Test
  void bad_steps_are_400_naming_the_field_and_steps_out_of_order_409() throws Exception {
    String caseId = caseFor(newReferralId(), "STRATEGY_DISCUSSION");
    CLOCK.set(Instant.parse("2026-03-06T18:00:00Z"));

    HttpResponse<String> noHealth = post("/api/v1/cases/" + caseId + "/strategy-discussion", SOCIAL_WORKER, """
        {"heldAt":"2026-03-06T17:45:00Z","section47":true,"rationale":"r",
         "participants":[{"agency":"LOCAL_AUTHORITY_SOCIAL_CARE","role":"r","name":"n"},
                         {"agency":"POLICE","role":"r","name":"n"}]}""");
    assertProblem(noHealth, 400, "/participants");

    HttpResponse<String> everythingWrong = post("/api/v1/cases/" + caseId + "/strategy-discussion", SOCIAL_WORKER,
        "{\"participants\":[{\"agency\":\"MARTIANS\",\"role\":\"r\"}]}");
    assertProblem(everythingWrong, 400, "/heldAt");
    assertThat(everythingWrong.body()).contains("/participants/0/agency", "/participants/0/name", "/section47",
        "/rationale");

    HttpResponse<String> future = post("/api/v1/cases/" + caseId + "/strategy-discussion", SOCIAL_WORKER, """
        {"heldAt":"2026-03-07T10:00:00Z","participants":%s,"section47":true,"rationale":"r"}""".formatted(FULL_TABLE));
    assertProblem(future, 400, "/heldAt");
    HttpResponse<String> beforeReferral = post("/api/v1/cases/" + caseId + "/strategy-discussion", SOCIAL_WORKER, """
        {"heldAt":"2026-03-01T10:00:00Z","participants":%s,"section47":true,"rationale":"r"}""".formatted(FULL_TABLE));
    assertProblem(beforeReferral, 400, "/heldAt");

    HttpResponse<String> conferenceFirst = post("/api/v1/cases/" + caseId + "/icpc", SOCIAL_WORKER,
        "{\"heldAt\":\"2026-03-06T10:00:00Z\",\"outcome\":\"NO_PLAN\"}");
    assertProblem(conferenceFirst, 409, "ICPC");
  }

  @Test
  void no_token_is_401_and_partner_mash_or_wrong_role_tokens_may_not_take_steps() throws Exception {
    String caseId = caseFor(newReferralId(), "EARLY_HELP");
    String body = "{\"name\":\"D. Lead\",\"agency\":\"SCHOOL\",\"role\":\"Family support worker\"}";
    assertProblem(post("/api/v1/cases/" + caseId + "/lead-professional", null, body), 401, "");
    assertProblem(post("/api/v1/cases/" + caseId + "/lead-professional", POLICE, body), 403, "");
    assertProblem(post("/api/v1/cases/" + caseId + "/lead-professional", MASH_MANAGER, body), 403, "");
    assertProblem(post("/api/v1/cases/" + caseId + "/lead-professional", SOCIAL_WORKER, body), 403, "SOCIAL_WORKER may not assign a lead professional");
    assertProblem(get("/api/v1/cases/" + caseId + "?purpose=Curious", MASH_MANAGER), 403, "");
    assertThat(post("/api/v1/cases/" + caseId + "/lead-professional", EARLY_HELP, body).statusCode()).isEqualTo(200);
  }

  @Test
  void reading_a_whole_case_needs_a_purpose_and_is_audited_first() throws Exception {
    String caseId = caseFor(newReferralId(), "SINGLE_ASSESSMENT");
    assertProblem(get("/api/v1/cases/" + caseId, SOCIAL_WORKER), 400, "purpose");
    assertThat(get("/api/v1/cases/" + caseId + "?purpose=Home visit planning", SOCIAL_WORKER).statusCode())
        .isEqualTo(200);

    HttpResponse<String> audit = get("/api/v1/cases/" + caseId + "/audit", TEAM_MANAGER);
    assertThat(audit.statusCode()).isEqualTo(200);
    assertThat(json(audit.body())).singleElement().satisfies(read -> {
      assertThat(read.get("staffId").asString()).isEqualTo("sw-1");
      assertThat(read.get("role").asString()).isEqualTo("SOCIAL_WORKER");
      assertThat(read.get("purpose").asString()).isEqualTo("Home visit planning");
    });
    assertThat(get("/api/v1/cases/" + caseId + "/audit", SOCIAL_WORKER).statusCode()).isEqualTo(403);
  }

  @Test
  void who_viewed_a_referrals_cases_is_a_paged_list_for_team_managers_alone() throws Exception {
    String referralId = newReferralId();
    String caseId = caseFor(referralId, "SINGLE_ASSESSMENT");
    for (String purpose : List.of("Allocation", "Home visit planning", "Strategy planning")) {
      assertThat(get("/api/v1/cases/" + caseId + "?purpose=" + purpose, SOCIAL_WORKER).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> all = get("/api/v1/cases/audit?referralId=" + referralId, TEAM_MANAGER);
    assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
    assertThat(all.headers().firstValue("X-Total-Count")).hasValue("3");
    JsonNode report = json(all.body());
    assertThat(report.get("referralId").asString()).isEqualTo(referralId);
    assertThat(report.get("reads")).extracting(r -> r.get("purpose").asString())
        .containsExactly("Allocation", "Home visit planning", "Strategy planning");
    JsonNode first = report.get("reads").get(0);
    assertThat(first.get("staffId").asString()).isEqualTo("sw-1");
    assertThat(first.get("role").asString()).isEqualTo("SOCIAL_WORKER");
    assertThat(first.get("caseId").asString()).isEqualTo(caseId);
    assertThat(Instant.parse(first.get("at").asString())).isEqualTo(NOW);
    HttpResponse<String> second = get("/api/v1/cases/audit?referralId=" + referralId + "&offset=1&limit=1",
        TEAM_MANAGER);
    assertThat(second.headers().firstValue("X-Total-Count")).hasValue("3");
    assertThat(json(second.body()).get("reads")).extracting(r -> r.get("purpose").asString())
        .containsExactly("Home visit planning");
    HttpResponse<String> ofTheCase = get("/api/v1/cases/" + caseId + "/audit?offset=2&limit=5", TEAM_MANAGER);
    assertThat(ofTheCase.headers().firstValue("X-Total-Count")).hasValue("3");
    assertThat(json(ofTheCase.body())).extracting(r -> r.get("purpose").asString()).containsExactly("Strategy planning");

    HttpResponse<String> badPage = get("/api/v1/cases/audit?referralId=" + referralId + "&offset=-1&limit=501",
        TEAM_MANAGER);
    assertProblem(badPage, 400, "\"limit\"");
    assertThat(badPage.body()).contains("\"offset\"");
    assertProblem(get("/api/v1/cases/" + caseId + "/audit?limit=0", TEAM_MANAGER), 400, "\"limit\"");
    assertProblem(get("/api/v1/cases/" + UUID.randomUUID() + "/audit", TEAM_MANAGER), 404, "Case not found");
    assertThat(get("/api/v1/cases/audit?referralId=" + newReferralId(), TEAM_MANAGER).headers()
        .firstValue("X-Total-Count")).hasValue("0");
    for (String token : List.of(SOCIAL_WORKER, EARLY_HELP, MASH_MANAGER, POLICE)) {
      assertProblem(get("/api/v1/cases/audit?referralId=" + referralId, token), 403, "");
    }
    assertProblem(get("/api/v1/cases/audit?referralId=" + referralId, null), 401, "");
  }

  @Test
  void the_audit_ledger_is_verified_by_managers_and_ops_and_names_a_read_changed_in_the_store() throws Exception {
    String caseId = caseFor(newReferralId(), "EARLY_HELP");
    assertThat(get("/api/v1/cases/" + caseId + "?purpose=Allocation", EARLY_HELP).statusCode()).isEqualTo(200);
    for (String token : List.of(TEAM_MANAGER, TestTokens.staff("hos-1", "HEAD_OF_SERVICE").mint(),
        TestTokens.staff("ops-1", "OPS").mint())) {
      HttpResponse<String> verified = get("/api/v1/audit/verify", token);
      assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
      assertThat(json(verified.body()).get("intact").asBoolean()).isTrue();
    }
    for (String token : List.of(SOCIAL_WORKER, EARLY_HELP, MASH_MANAGER, POLICE)) {
      assertProblem(get("/api/v1/audit/verify", token), 403, "");
    }
    assertProblem(get("/api/v1/audit/verify", null), 401, "");

    long last = json(get("/api/v1/audit/verify", TEAM_MANAGER).body()).get("entries").asLong();
    MongoCollection<Document> ledger = database.getCollection(MongoAuditLedger.ENTRIES);
    Document entry = ledger.find(Filters.eq("_id", last)).first();
    assertThat(entry.get("fields", Document.class).getString("caseId")).isEqualTo(caseId);
    // Someone with write access to the store makes the read look like another practitioner's.
    ledger.updateOne(Filters.eq("_id", last), Updates.set("fields.staffId", "someone-else"));
    try {
      JsonNode tampered = json(get("/api/v1/audit/verify", TEAM_MANAGER).body());
      assertThat(tampered.get("intact").asBoolean()).isFalse();
      assertThat(tampered.get("brokenAt").asLong()).isEqualTo(last);
      assertThat(tampered.get("reason").asString()).isEqualTo("ALTERED_ENTRY");
    } finally {
      ledger.updateOne(Filters.eq("_id", last), Updates.set("fields.staffId", "eh-1"));
    }
    assertThat(json(get("/api/v1/audit/verify", TEAM_MANAGER).body()).get("intact").asBoolean()).isTrue();
  }

  @Test
  void head_and_options_get_past_no_rule_the_list_answers_head_to_its_followers() throws Exception {
    String referralId = newReferralId();
    String caseId = caseFor(referralId, "SINGLE_ASSESSMENT");
    for (String method : List.of("HEAD", "OPTIONS")) {
      assertThat(send(method, "/api/v1/cases/" + caseId + "/audit", null).statusCode()).as(method).isEqualTo(401);
      assertThat(send(method, "/api/v1/cases/" + caseId + "/audit", SOCIAL_WORKER).statusCode()).as(method)
          .isEqualTo(403);
      assertThat(send(method, "/api/v1/cases/" + caseId, MASH_MANAGER).statusCode()).as(method).isEqualTo(403);
      assertThat(send(method, "/api/v1/cases?referralId=" + referralId, POLICE).statusCode()).as(method)
          .isEqualTo(403);
    }
    assertThat(send("HEAD", "/api/v1/cases?referralId=" + referralId, MASH_MANAGER).statusCode()).isEqualTo(200);
  }

  @Test
  void an_assessment_steps_down_to_early_help_which_starts_with_a_lead_professional() throws Exception {
    String referralId = newReferralId();
    String caseId = caseFor(referralId, "SINGLE_ASSESSMENT");
    CLOCK.set(Instant.parse("2026-03-20T12:00:00Z"));
    assertThat(post("/api/v1/cases/" + caseId + "/visits", SOCIAL_WORKER,
        "{\"seenAt\":\"2026-03-04T10:00:00Z\"}").statusCode()).isEqualTo(200);
    HttpResponse<String> assessed = post("/api/v1/cases/" + caseId + "/assessment", SOCIAL_WORKER,
        "{\"completedAt\":\"2026-03-20T11:00:00Z\",\"outcome\":\"STEP_DOWN_TO_EARLY_HELP\"}");
    assertThat(assessed.statusCode()).as(assessed.body()).isEqualTo(200);
    assertThat(json(assessed.body()).get("pathway").asString()).isEqualTo("EARLY_HELP");
    assertProblem(post("/api/v1/cases/" + caseId + "/early-help-started", EARLY_HELP,
        "{\"startedAt\":\"2026-03-20T11:30:00Z\"}"), 409, "lead professional");
    assertThat(post("/api/v1/cases/" + caseId + "/lead-professional", EARLY_HELP,
        "{\"name\":\"D. Lead\",\"agency\":\"SCHOOL\",\"role\":\"Family support worker\"}").statusCode())
        .isEqualTo(200);
    HttpResponse<String> started = post("/api/v1/cases/" + caseId + "/early-help-started", EARLY_HELP,
        "{\"startedAt\":\"2026-03-20T11:30:00Z\"}");
    assertThat(started.statusCode()).isEqualTo(200);

    await().atMost(PATIENCE).untilAsserted(() -> assertThat(types(caseEvents(referralId))).containsSubsequence(
        "case.opened.v1", "case.child-seen.v1", "case.assessment-completed.v1", "case.stepped-down.v1",
        "case.lead-professional-assigned.v1", "case.early-help-started.v1"));
    assertThat(caseEvents(referralId).toString()).doesNotContain("D. Lead");
  }

  @Test
  void an_early_help_case_stepped_up_answers_202_with_the_new_referral_and_announces_it() throws Exception {
    String referralId = newReferralId();
    String caseId = caseFor(referralId, "EARLY_HELP");
    HttpResponse<String> up = post("/api/v1/cases/" + caseId + "/step-up", EARLY_HELP,
        "{\"reason\":\"New disclosure at school\"}");
    assertThat(up.statusCode()).as(up.body()).isEqualTo(202);
    String newReferralId = json(up.body()).get("referralId").asString();
    assertThat(newReferralId).isNotBlank().isNotEqualTo(referralId);
    assertThat(UUID.fromString(newReferralId).version()).as("sorts by time, as intake's ids").isEqualTo(7);

    await().atMost(PATIENCE).untilAsserted(() -> assertThat(types(caseEvents(referralId)))
        .containsSubsequence("case.opened.v1", "case.stepped-up.v1", "case.closed.v1"));
    JsonNode steppedUp = caseEvents(referralId).stream()
        .filter(e -> e.get("type").asString().equals("case.stepped-up.v1")).findFirst().orElseThrow().get("data");
    assertThat(steppedUp.get("newReferralId").asString()).isEqualTo(newReferralId);
    assertThat(steppedUp.get("reason").asString()).isEqualTo("New disclosure at school");
    assertProblem(post("/api/v1/cases/" + caseId + "/step-up", EARLY_HELP, "{\"reason\":\"again\"}"), 409, "closed");
  }

  @Test
  void a_deadline_announces_approaching_and_breached_once_each_across_a_restart_and_racing_instances() throws Exception {
    String referralId = newReferralId();
    String caseId = caseFor(referralId, "EARLY_HELP");
    // Decided Monday 2 March 09:10 GMT: early help due Monday 30 March 09:10 BST, warned 7 days before.
    Instant due = Instant.parse("2026-03-30T08:10:00Z");

    CLOCK.set(due.minus(Duration.ofDays(7)));
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(types(caseEvents(referralId)))
        .contains("case.deadline-approaching.v1"));
    clockLoop.stop();
    clockLoop.start();
    CLOCK.set(due.minus(Duration.ofDays(1)));
    CLOCK.set(due.plusMillis(1));
    // A second and third instance of the clock race the service's own for the breach: one write wins.
    Thread[] others = new Thread[2];
    for (int i = 0; i < others.length; i++) {
      others[i] = Thread.ofVirtual().start(() -> new FiringCaseDeadlines(cases, CLOCK, 1, CaseMetrics.NONE).fireDue());
    }
    for (Thread other : others) {
      other.join(PATIENCE.toMillis());
    }
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(types(caseEvents(referralId)))
        .contains("case.deadline-breached.v1"));

    HttpResponse<String> overdue = get("/api/v1/cases?status=OPEN&overdue=true&size=100", TEAM_MANAGER);
    assertThat(json(overdue.body()).get("cases").toString()).contains(caseId);
    awaitOutboxDrained();
    List<JsonNode> events = caseEvents(referralId);
    assertThat(types(events)).containsExactly("case.opened.v1", "case.deadline-approaching.v1",
        "case.deadline-breached.v1");
    JsonNode breach = events.get(2).get("data");
    assertThat(breach.get("kind").asString()).isEqualTo("EARLY_HELP_START");
    assertThat(breach.get("dueBy").asString()).isEqualTo(due.toString());
    assertThat(breach.get("policy").get("id").asString()).isEqualTo("WITHIN_4_WEEKS");
  }

  @Test
  void the_worklist_puts_the_soonest_deadline_first_and_pages() throws Exception {
    String assessmentCase = caseFor(newReferralId(), "SINGLE_ASSESSMENT"); // child seen by Thu 5 March
    String earlyHelpCase = caseFor(newReferralId(), "EARLY_HELP"); // by 30 March
    String strategyCase = caseFor(newReferralId(), "STRATEGY_DISCUSSION"); // no clock yet

    HttpResponse<String> all = get("/api/v1/cases?status=OPEN&size=100", TEAM_MANAGER);
    assertThat(all.statusCode()).isEqualTo(200);
    List<String> order = new ArrayList<>();
    json(all.body()).get("cases").forEach(c -> order.add(c.get("caseId").asString()));
    assertThat(order).containsSubsequence(assessmentCase, earlyHelpCase, strategyCase);
    assertThat(json(all.body()).get("total").asLong()).isEqualTo(order.size());

    HttpResponse<String> firstPage = get("/api/v1/cases?status=OPEN&size=1&page=0", TEAM_MANAGER);
    assertThat(json(firstPage.body()).get("cases")).hasSize(1);
    assertProblem(get("/api/v1/cases?status=SHUT&size=0", TEAM_MANAGER), 400, "status");
  }

  @Test
  void metrics_pass_promtool_check_metrics() throws Exception {
    // A case opened first, so the listeners' and the outbox's meters have series too.
    caseFor(newReferralId(), "EARLY_HELP");
    HttpResponse<String> scraped = get("/actuator/prometheus", TestTokens.metrics().mint());
    assertThat(scraped.statusCode()).isEqualTo(200);
    assertThat(scraped.body()).contains("mash_case_deadlines_met_total{", "on_time=\"true\"");
    Promtool.assertCleanMetrics(scraped.body(), "case-service");
  }

  private static void assertProblem(HttpResponse<String> response, int status, String mentioned) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains(mentioned);
  }

  private static String newReferralId() {
    return "R-" + UUID.randomUUID();
  }

  private static void publishDecision(String eventId, String referralId, String outcome) throws Exception {
    producer.send(decisionRecord(eventId, referralId, outcome)).get();
  }

  private static ProducerRecord<String, String> decisionRecord(String eventId, String referralId, String outcome) {
    String event = """
        {"specversion":"1.0","id":"%s","source":"/mash/triage-service","type":"triage.decision-recorded.v1",
         "subject":"%s","time":"2026-03-02T09:10:00Z","datacontenttype":"application/json",
         "data":{"contactId":"C-%s","referralId":"%s","reference":"MASH-2020-0001","outcome":"%s",
                 "levelOfNeed":3,"rationale":"Manager's rationale","receivedAt":"2026-03-02T08:00:00Z",
                 "decidedAt":"2026-03-02T09:10:00Z","decisionDueBy":"2026-03-03T08:00:00Z","onTime":true}}
        """.formatted(eventId, referralId, referralId, referralId, outcome);
    ProducerRecord<String, String> record = new ProducerRecord<>(Topics.TRIAGE_EVENTS, referralId, event);
    record.headers().add("id", eventId.getBytes(StandardCharsets.UTF_8));
    record.headers().add("type", "triage.decision-recorded.v1".getBytes(StandardCharsets.UTF_8));
    return record;
  }

  private List<JsonNode> awaitCases(String referralId, int expected) {
    List<JsonNode> cases = new ArrayList<>();
    await().atMost(PATIENCE).untilAsserted(() -> {
      HttpResponse<String> response = get("/api/v1/cases?referralId=" + referralId, MASH_MANAGER);
      assertThat(response.statusCode()).isEqualTo(200);
      cases.clear();
      json(response.body()).forEach(cases::add);
      assertThat(cases).hasSize(expected);
    });
    return cases;
  }

  private void awaitOutboxDrained() {
    await().atMost(PATIENCE).untilAsserted(() -> {
      assertThat(database.getCollection("cases").countDocuments(Filters.exists("pendingEvents.id"))).isZero();
      assertThat(database.getCollection("outbox").countDocuments()).isZero();
    });
  }

  /** Every record on the topic up to its current end, read without a consumer group. */
  private static List<ConsumerRecord<String, String>> readAll(String topic) {
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.get().kafkaBootstrapServers(),
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        assertThat(System.nanoTime()).as("reading %s to its end", topic).isLessThan(deadline);
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return TestHttp.on(port).get(path.replace(" ", "%20"), token);
  }

  private HttpResponse<Void> send(String method, String path, String token) throws Exception {
    HttpRequest request = TestHttp.on(port).request(path, token)
        .method(method, HttpRequest.BodyPublishers.noBody()).build();
    return TestHttp.send(request, HttpResponse.BodyHandlers.discarding());
  }

  private HttpResponse<String> post(String path, String token, String body) throws Exception {
    return TestHttp.on(port).postJson(path, token, body);
  }

  /** Publishes a decision and returns the id of the case it opens. */
  private String caseFor(String referralId, String outcome) throws Exception {
    publishDecision(UUID.randomUUID().toString(), referralId, outcome);
    return awaitCases(referralId, 1).get(0).get("caseId").asString();
  }

  /** The case.* events about one referral, in order, as (type, data). */
  private static List<JsonNode> caseEvents(String referralId) {
    return readAll(Topics.CASE_EVENTS).stream().filter(r -> referralId.equals(r.key()))
        .map(r -> json(r.value())).toList();
  }

  private static List<String> types(List<JsonNode> events) {
    return events.stream().map(e -> e.get("type").asString()).toList();
  }

  private static JsonNode json(String text) {
    return EventJson.mapper().readTree(text);
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
