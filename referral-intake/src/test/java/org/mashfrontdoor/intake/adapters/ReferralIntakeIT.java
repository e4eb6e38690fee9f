package org.mashfrontdoor.intake.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.intake.application.SteppingUp;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
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

  @Autowired
  MongoDatabase database;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void clients() {
    referralEvents = TestKafka.consumer(Topics.REFERRAL_EVENTS);
    triageEvents = TestKafka.producer();
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
  void publishes_referral_received_keyed_by_referral_id_with_what_the_mash_shows_but_no_address_or_nhs_number()
      throws Exception {
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
    JsonNode data = event.data();
    assertThat(data.get("children").get(0).get("givenName").asString()).isEqualTo("Ava");
    assertThat(data.get("children").get(0).get("dateOfBirth").asString()).isEqualTo("2016-03-14");
    assertThat(data.get("concern").get("summary").asString()).isEqualTo("Ava arrives hungry and unwashed most days.");
    assertThat(data.get("domesticAbuse").get("dashRiskLevel").asString()).isEqualTo("HIGH");
    assertThat(data.get("consent").get("consentGiven").asBoolean()).isTrue();
    assertThat(data.get("referrer").get("agency").asString()).as("from the partner's token").isEqualTo("SCHOOL");
    assertThat(data.get("referrer").get("name").asString()).as("who referred, for the MASH").isEqualTo("A. Teacher");
    assertThat(data.get("referrer").get("email").asString()).isEqualTo("dsl@example.org");
    assertThat(record.value()).as("what the MASH does not show stays in intake")
        .doesNotContain("9434765919").doesNotContain("HR4 9EP").doesNotContain("Widemarsh");
  }

  @Test
  void shows_the_referrer_in_triage_then_the_decision_and_ignores_a_redelivered_event() throws Exception {
    String referralId = json(post(MARF, "application/json").body()).get("referralId").asString();

    sendTriageEvent(UUID.randomUUID().toString(), "triage.contact-opened.v1", referralId,
        Map.of("referralId", referralId));
    await().atMost(Duration.ofSeconds(30)).until(() -> get(referralId).get("status").asString().equals("IN_TRIAGE"));

    String decisionEventId = UUID.randomUUID().toString();
    Map<String, Object> decision = Map.of("referralId", referralId, "outcome", "INFORMATION_AND_ADVICE",
        "levelOfNeed", 1, "adviceToReferrer", "Offer Ava breakfast club and tell us if she is still hungry.",
        "decidedAt", "2026-11-23T10:00:00Z");
    sendTriageEvent(decisionEventId, "triage.decision-recorded.v1", referralId, decision);
    await().atMost(Duration.ofSeconds(30)).until(() -> get(referralId).get("status").asString().equals("DECIDED"));
    JsonNode decided = get(referralId);
    assertThat(decided.get("outcome").asString()).isEqualTo("INFORMATION_AND_ADVICE");
    assertThat(decided.get("whatHappensNext").asString()).contains("information and advice");
    assertThat(decided.get("adviceToReferrer").asString())
        .as("the referrer's feedback shows the advice the MASH gave it")
        .isEqualTo("Offer Ava breakfast club and tell us if she is still hungry.");
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
  void a_triage_event_that_can_never_apply_is_dead_lettered_alone_and_those_around_it_apply() throws Exception {
    String referralId = json(post(MARF, "application/json").body()).get("referralId").asString();
    String bad = UUID.randomUUID().toString();
    try (TopicEvents deadLetters = TestKafka.events(Topics.TRIAGE_EVENTS + Topics.DEAD_LETTER_SUFFIX)) {
      // One key, so one partition, in order: good, bad (an outcome no MASH records), good.
      sendTriageEvent(UUID.randomUUID().toString(), "triage.contact-opened.v1", referralId, Map.of());
      sendTriageEvent(bad, "triage.decision-recorded.v1", referralId, Map.of("referralId", referralId,
          "outcome", "WAIT_AND_SEE"));
      sendTriageEvent(UUID.randomUUID().toString(), "triage.decision-recorded.v1", referralId,
          Map.of("referralId", referralId, "outcome", "EARLY_HELP", "decidedAt", "2026-11-23T10:00:00Z"));

      deadLetters.awaitEvents(referralId, e -> e.id().equals(bad));
      await().atMost(Duration.ofSeconds(30)).until(() -> get(referralId).get("status").asString().equals("DECIDED"));
      assertThat(get(referralId).get("outcome").asString()).isEqualTo("EARLY_HELP");
      assertThat(milestones(get(referralId))).containsExactly("RECEIVED", "IN_TRIAGE", "DECIDED");
    }
  }

  void sendCaseEvent(String eventId, String type, String referralId, Object data) {
    EventEnvelope event = new EventEnvelope("1.0", eventId, "/mash/case-service", type, referralId,
        Instant.now(), "application/json", EventJson.mapper().valueToTree(data));
    triageEvents.send(new ProducerRecord<>(Topics.CASE_EVENTS, referralId, EventJson.write(event)));
    triageEvents.flush();
  }

  static List<String> milestones(JsonNode referral) {
    List<String> milestones = new ArrayList<>();
    referral.get("timeline").forEach(t -> milestones.add(t.get("status").asString()));
    return milestones;
  }

  @Test
  void the_referrer_follows_the_case_after_the_decision_in_plain_english_without_its_outcomes() throws Exception {
    String referralId = json(post(MARF, "application/json").body()).get("referralId").asString();
    sendTriageEvent(UUID.randomUUID().toString(), "triage.contact-opened.v1", referralId, Map.of());
    sendTriageEvent(UUID.randomUUID().toString(), "triage.decision-recorded.v1", referralId,
        Map.of("referralId", referralId, "outcome", "STRATEGY_DISCUSSION", "decidedAt", "2026-11-23T10:00:00Z"));

    String caseId = "case-" + UUID.randomUUID();
    String held = UUID.randomUUID().toString();
    Map<String, Object> heldData = Map.of("caseId", caseId, "referralId", referralId,
        "heldAt", "2026-11-23T15:00:00Z", "section47", true, "agencies", List.of("POLICE", "HEALTH_OTHER"));
    sendCaseEvent(UUID.randomUUID().toString(), "case.opened.v1", referralId, Map.of("caseId", caseId,
        "referralId", referralId, "pathway", "STRATEGY_DISCUSSION", "status", "OPEN", "levelOfNeed", 4,
        "openedAt", "2026-11-23T11:00:00Z"));
    sendCaseEvent(held, "case.strategy-discussion-held.v1", referralId, heldData);
    sendCaseEvent(held, "case.strategy-discussion-held.v1", referralId, heldData); // redelivery
    sendCaseEvent(UUID.randomUUID().toString(), "case.section-47-concluded.v1", referralId, Map.of("caseId", caseId,
        "referralId", referralId, "concludedAt", "2026-11-30T12:00:00Z", "outcome", "ICPC"));
    sendCaseEvent(UUID.randomUUID().toString(), "case.child-seen.v1", referralId, Map.of("caseId", caseId,
        "referralId", referralId, "seenAt", "2026-11-23T16:00:00Z", "onTime", true));
    sendCaseEvent(UUID.randomUUID().toString(), "case.icpc-held.v1", referralId, Map.of("caseId", caseId,
        "referralId", referralId, "heldAt", "2026-12-10T10:00:00Z", "outcome", "CHILD_PROTECTION_PLAN",
        "onTime", true));
    sendCaseEvent(UUID.randomUUID().toString(), "case.closed.v1", referralId, Map.of("caseId", caseId,
        "referralId", referralId, "closedAt", "2027-01-10T10:00:00Z", "reason", "NO_FURTHER_ACTION"));

    await().atMost(Duration.ofSeconds(30)).until(() -> milestones(get(referralId)).size() >= 8);
    JsonNode referral = get(referralId);
    assertThat(milestones(referral)).containsExactly("RECEIVED", "IN_TRIAGE", "DECIDED", "CASE_OPENED",
        "STRATEGY_DISCUSSION_HELD", "ENQUIRIES_CONCLUDED", "CONFERENCE_HELD", "CASE_CLOSED");
    assertThat(referral.get("status").asString()).isEqualTo("DECIDED");
    JsonNode timeline = referral.get("timeline");
    assertThat(timeline.get(4).get("at").asString()).isEqualTo("2026-11-23T15:00:00Z");
    assertThat(timeline.get(4).get("description").asString()).isEqualTo("A strategy discussion about the child's "
        + "safety was held.");
    assertThat(timeline.get(5).get("description").asString()).isEqualTo("Child protection enquiries have concluded.");
    assertThat(timeline.get(6).get("description").asString()).isEqualTo("A child protection conference was held.");
    assertThat(timeline.get(7).get("description").asString()).isEqualTo("The case has been closed.");
    assertThat(referral.toString()).doesNotContain("CHILD_PROTECTION_PLAN", "NO_FURTHER_ACTION", "ICPC",
        "POLICE", caseId);
  }

  @Test
  void a_step_up_becomes_a_new_referral_from_early_help_linked_to_the_earlier_one_and_only_once() throws Exception {
    String earlier = json(post(MARF, "application/json").body()).get("referralId").asString();
    String newReferralId = UUID.randomUUID().toString();
    String stepUpId = UUID.randomUUID().toString();
    Map<String, Object> stepUp = Map.of("caseId", "case-" + UUID.randomUUID(), "referralId", earlier,
        "newReferralId", newReferralId, "steppedUpAt", "2026-11-25T10:00:00Z", "steppedUpBy", "staff-17",
        "reason", "Neglect has worsened despite the early help plan.");

    try (TopicEvents received = TestKafka.events(Topics.REFERRAL_EVENTS)) {
      sendCaseEvent(stepUpId, "case.stepped-up.v1", earlier, stepUp);

      EventEnvelope event = received.awaitEvents(newReferralId, e -> true).getFirst();
      assertThat(event.type()).isEqualTo("referral.received.v1");
      JsonNode data = event.data();
      assertThat(data.get("referralId").asString()).isEqualTo(newReferralId);
      assertThat(data.get("reference").asString()).matches("MARF-\\d{4}-\\d{6}");
      assertThat(data.get("referralType").asString()).isEqualTo("MARF");
      assertThat(data.get("referrer").get("agency").asString()).isEqualTo("EARLY_HELP");
      assertThat(data.get("referrer").get("organisation").asString()).isEqualTo("Early help (step-up)");
      assertThat(data.get("children").get(0).get("givenName").asString()).isEqualTo("Ava");
      assertThat(data.get("concern").get("summary").asString())
          .isEqualTo("Neglect has worsened despite the early help plan.");
      assertThat(data.get("concern").get("immediateRisk").asBoolean()).isFalse();
      assertThat(data.get("reReferral").asBoolean()).isTrue();
      assertThat(data.get("linkedReferralIds")).extracting(JsonNode::asString).contains(earlier);
      assertThat(Instant.parse(data.get("decisionDueBy").asString()))
          .isAfter(Instant.parse(data.get("receivedAt").asString()));

      await().atMost(Duration.ofSeconds(30)).until(() -> milestones(get(earlier)).contains("STEPPED_UP"));
      assertThat(get(earlier).get("timeline").get(1).get("description").asString())
          .isEqualTo("The family was stepped up to children's social care: a new referral has been made.");

      // Redelivery, then an event behind it on the same partition: once that one shows, the redelivery was handled.
      sendCaseEvent(stepUpId, "case.stepped-up.v1", earlier, stepUp);
      sendCaseEvent(UUID.randomUUID().toString(), "case.closed.v1", earlier, Map.of("referralId", earlier,
          "closedAt", "2026-11-25T10:00:01Z", "reason", "STEPPED_UP"));
      await().atMost(Duration.ofSeconds(30)).until(() -> milestones(get(earlier)).contains("CASE_CLOSED"));
      assertThat(milestones(get(earlier))).containsOnlyOnce("STEPPED_UP");
      assertThat(database.getCollection("referrals").countDocuments(
          Filters.eq("partnerId", SteppingUp.EARLY_HELP.id()))).isEqualTo(1);
    }
  }

  @Test
  void a_step_up_of_a_referral_this_intake_does_not_hold_goes_to_the_dead_letter_topic() {
    String unknown = UUID.randomUUID().toString();
    String stepUpId = UUID.randomUUID().toString();
    try (TopicEvents deadLetters = TestKafka.events(Topics.CASE_EVENTS + Topics.DEAD_LETTER_SUFFIX)) {
      sendCaseEvent(stepUpId, "case.stepped-up.v1", unknown, Map.of("caseId", "case-" + UUID.randomUUID(),
          "referralId", unknown, "newReferralId", UUID.randomUUID().toString(), "reason", "Worries grew."));
      deadLetters.awaitEvents(unknown, e -> e.id().equals(stepUpId));
    }
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
      String bad = MARF.replace("\"9434765919\"", "\"94347659\"")
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
