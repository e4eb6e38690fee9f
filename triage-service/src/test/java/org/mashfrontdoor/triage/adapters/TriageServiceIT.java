package org.mashfrontdoor.triage.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.testsupport.EmbeddedInfrastructure;
import org.mashfrontdoor.platform.testsupport.Promtool;
import org.mashfrontdoor.platform.testsupport.TestKafka;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.mashfrontdoor.platform.testsupport.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import tools.jackson.databind.JsonNode;

@WithEmbeddedInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=triage-service")
@DisplayName("triage-service: the MASH front door opens a contact per referral and records the decision")
class TriageServiceIT {

  /** The server's clock stands still here unless a test moves it (and puts it back), so RAG and time left are exact. */
  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  static final MutableClock CLOCK = new MutableClock(NOW);

  @TestConfiguration
  static class TestClock {
    @Bean
    Clock clock() {
      return CLOCK;
    }
  }

  static KafkaProducer<String, String> referralEvents;
  static KafkaConsumer<String, String> triageEvents;
  static final List<ConsumerRecord<String, String>> published = new CopyOnWriteArrayList<>();

  @Value("${local.server.port}")
  int port;

  @Autowired
  MongoDatabase database;

  @Autowired
  KafkaListenerEndpointRegistry listeners;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void clients() {
    referralEvents = TestKafka.producer();
    triageEvents = TestKafka.consumer(Topics.TRIAGE_EVENTS);
  }

  @AfterAll
  static void close() {
    referralEvents.close();
    triageEvents.close();
  }

  // --- driving the service -------------------------------------------------------------------------------

  /** A referral.received.v1 as intake publishes it, personal data included; returns the raw CloudEvent JSON. */
  static String referralReceived(String referralId, Instant receivedAt, boolean immediateRisk, String dash) {
    return referralReceived(referralId, receivedAt, immediateRisk, dash, "MARF", List.of());
  }

  static String referralReceived(String referralId, Instant receivedAt, boolean immediateRisk, String dash,
      String referralType, List<String> linkedReferralIds) {
    return referralReceived(referralId, receivedAt, receivedAt.plus(Duration.ofHours(24)), WITHIN_24_HOURS,
        immediateRisk, dash, referralType, linkedReferralIds);
  }

  /** Intake's default deadline policy, as it publishes it. */
  static final Map<String, Object> WITHIN_24_HOURS = policy("ELAPSED_24H", 1, null);

  static Map<String, Object> policy(String id, int version, String calendarVersion) {
    Map<String, Object> policy = new LinkedHashMap<>();
    policy.put("id", id);
    policy.put("version", version);
    policy.put("calendarVersion", calendarVersion);
    return policy;
  }

  /** With the decision deadline intake set; a null {@code decisionDueBy} or {@code deadlinePolicy} is left out. */
  static String referralReceived(String referralId, Instant receivedAt, Instant decisionDueBy,
      Map<String, Object> deadlinePolicy, boolean immediateRisk, String dash, String referralType,
      List<String> linkedReferralIds) {
    Map<String, Object> concern = new LinkedHashMap<>();
    concern.put("categories", List.of("NEGLECT"));
    concern.put("summary", "Arrives hungry most days.");
    concern.put("immediateRisk", immediateRisk);
    concern.put("levelOfNeed", 3);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("referralId", referralId);
    data.put("reference", "MARF-2026-" + referralId.substring(0, 6));
    data.put("referralType", referralType);
    data.put("receivedAt", receivedAt.toString());
    if (decisionDueBy != null) {
      data.put("decisionDueBy", decisionDueBy.toString());
    }
    if (deadlinePolicy != null) {
      data.put("deadlinePolicy", deadlinePolicy);
    }
    data.put("referrer", Map.of("agency", "SCHOOL", "organisation", "Bishop's Oak Primary", "name", "A. Teacher",
        "role", "Designated safeguarding lead", "email", "dsl@example.org", "phone", "01432 000000"));
    data.put("children", List.of(Map.of("givenName", "Ava", "familyName", "Marsh", "dateOfBirth", "2016-03-14",
        "school", "Bishop's Oak Primary", "onChildProtectionPlan", false)));
    data.put("household", Map.of("adults", List.of(Map.of("givenName", "Dana", "familyName", "Marsh",
        "dateOfBirth", "1990-05-01", "relationship", "MOTHER")), "riskFactors", List.of("PARENTAL_MENTAL_HEALTH")));
    data.put("concern", concern);
    data.put("dashRiskLevel", dash);
    if (dash != null) {
      data.put("domesticAbuse", Map.of("dashRiskLevel", dash, "childrenPresent", true, "childrenWitnessed", false));
    }
    data.put("consent", Map.of("parentAware", false, "consentGiven", false,
        "reasonNotSought", "Telling the parents could put Ava at risk.", "lawfulBasis", "SAFEGUARDING_CHILDREN_DPA_2018"));
    data.put("reReferral", false);
    data.put("linkedReferralIds", linkedReferralIds);
    data.put("someFieldFromANewerIntake", "ignored");
    return EventJson.write(new EventEnvelope("1.0", UUID.randomUUID().toString(), "/mash/referral-intake",
        "referral.received.v1", referralId, receivedAt, "application/json", EventJson.mapper().valueToTree(data)));
  }

  static void send(String key, String cloudEvent) {
    referralEvents.send(new ProducerRecord<>(Topics.REFERRAL_EVENTS, key, cloudEvent));
    referralEvents.flush();
  }

  static String newReferral(Instant receivedAt, boolean immediateRisk, String dash) {
    String referralId = UUID.randomUUID().toString();
    send(referralId, referralReceived(referralId, receivedAt, immediateRisk, dash));
    return referralId;
  }

  static final String SOCIAL_WORKER = "MASH_SOCIAL_WORKER";
  static final String MANAGER = "MASH_MANAGER";

  /** A MASH social worker's bearer token, and a manager's: what the local development issuer gives staff. */
  static final String SOCIAL_WORKER_TOKEN = TestTokens.staff("sw-1", SOCIAL_WORKER).mint();
  static final String MANAGER_TOKEN = TestTokens.staff("mgr-1", MANAGER).mint();

  /** GETs {@code /api/v1/triage/<path>} as a social worker. */
  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/triage/" + path))
        .header("Authorization", TestTokens.bearer(SOCIAL_WORKER_TOKEN)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Reads a contact as a social worker, stating the purpose every read needs. */
  HttpResponse<String> read(String referralId) throws Exception {
    return get(referralId + "?purpose=MASH%20screening");
  }

  /**
   * POSTs a workflow step as the staff given by {@code idAndRole} (id, role), or by default as a manager for the
   * decision and a social worker for any other step.
   */
  HttpResponse<String> post(String referralId, String step, String body, String... idAndRole) throws Exception {
    String token = idAndRole.length == 2 ? TestTokens.staff(idAndRole[0], idAndRole[1]).mint()
        : step.equals("decision") ? MANAGER_TOKEN : SOCIAL_WORKER_TOKEN;
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/v1/triage/" + referralId + "/" + step))
        .header("Content-Type", "application/json").header("Authorization", TestTokens.bearer(token))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> decide(String referralId, String body) throws Exception {
    return post(referralId, "decision", body);
  }

  HttpResponse<String> recommend(String referralId, String body) throws Exception {
    return post(referralId, "recommendation", body);
  }

  HttpResponse<String> recommendAndDecide(String referralId, String body) throws Exception {
    assertThat(recommend(referralId, body).statusCode()).isEqualTo(200);
    return decide(referralId, body);
  }

  List<JsonNode> queue() throws Exception {
    HttpResponse<String> response = get("queue");
    assertThat(response.statusCode()).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    json(response.body()).forEach(items::add);
    return items;
  }

  JsonNode awaitContact(String referralId) throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(() -> read(referralId).statusCode() == 200);
    return json(read(referralId).body());
  }

  static JsonNode json(String body) {
    return EventJson.mapper().readTree(body);
  }

  static List<ConsumerRecord<String, String>> publishedFor(String referralId, String type) {
    triageEvents.poll(Duration.ofMillis(100)).forEach(published::add);
    return published.stream().filter(r -> referralId.equals(r.key()) && type.equals(header(r, "type"))).toList();
  }

  static ConsumerRecord<String, String> awaitPublished(String referralId, String type) {
    await().atMost(Duration.ofSeconds(30)).until(() -> !publishedFor(referralId, type).isEmpty());
    return publishedFor(referralId, type).getFirst();
  }

  static String header(ConsumerRecord<String, String> record, String name) {
    return record.headers().lastHeader(name) == null ? null
        : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  static final String EARLY_HELP = """
      {"outcome":"EARLY_HELP","levelOfNeed":2,"rationale":"Parents agree to a family support worker."}""";

  // --- specifications ------------------------------------------------------------------------------------

  @Test
  void referral_events_are_consumed_by_a_thread_per_partition() {
    assertThat(listeners.getListenerContainers()).isNotEmpty().allSatisfy(container ->
        assertThat(((ConcurrentMessageListenerContainer<?, ?>) container).getConcurrency()).isEqualTo(3));
  }

  @Test
  void opens_a_contact_on_the_queue_then_records_the_decision_and_publishes_both_events() throws Exception {
    String referralId = newReferral(NOW.minus(Duration.ofHours(20)), false, "HIGH");

    JsonNode contact = awaitContact(referralId);
    assertThat(contact.get("status").asString()).isEqualTo("OPEN");
    assertThat(contact.get("rag").asString()).isEqualTo("AMBER");
    assertThat(contact.get("urgent").asBoolean()).isTrue();
    assertThat(Instant.parse(contact.get("receivedAt").asString())).isEqualTo(NOW.minus(Duration.ofHours(20)));
    assertThat(Instant.parse(contact.get("decisionDueBy").asString())).isEqualTo(NOW.plus(Duration.ofHours(4)));
    assertThat(contact.has("decision")).isFalse();

    JsonNode queued = queue().stream().filter(i -> i.get("referralId").asString().equals(referralId))
        .findFirst().orElseThrow();
    assertThat(queued.get("reference").asString()).startsWith("MARF-2026-");
    assertThat(queued.get("rag").asString()).isEqualTo("AMBER");
    assertThat(queued.get("timeRemaining").asString()).isEqualTo("PT4H");
    assertThat(queued.get("urgent").asBoolean()).isTrue();
    assertThat(Instant.parse(queued.get("decisionDueBy").asString())).isEqualTo(NOW.plus(Duration.ofHours(4)));
    assertThat(get("queue").body()).as("the queue is not audited, so it shows no personal data")
        .doesNotContain("Ava").doesNotContain("Marsh").doesNotContain("Arrives hungry").doesNotContain("2016-03-14");

    HttpResponse<String> decided = recommendAndDecide(referralId, EARLY_HELP);
    assertThat(decided.statusCode()).isEqualTo(200);
    JsonNode view = json(decided.body());
    assertThat(view.get("status").asString()).isEqualTo("DECIDED");
    assertThat(view.get("decision").get("outcome").asString()).isEqualTo("EARLY_HELP");
    assertThat(view.get("decision").get("onTime").asBoolean()).isTrue();
    assertThat(json(read(referralId).body()).get("decision").get("levelOfNeed").asInt()).isEqualTo(2);
    assertThat(queue()).noneMatch(i -> i.get("referralId").asString().equals(referralId));

    ConsumerRecord<String, String> opened = awaitPublished(referralId, "triage.contact-opened.v1");
    EventEnvelope openedEvent = EventJson.read(opened.value());
    assertThat(header(opened, "id")).isEqualTo(openedEvent.id());
    assertThat(openedEvent.source()).isEqualTo("/mash/triage-service");
    assertThat(openedEvent.subject()).isEqualTo(referralId);
    assertThat(openedEvent.data().get("contactId").asString()).isEqualTo(referralId);
    assertThat(openedEvent.data().get("rag").asString()).isEqualTo("AMBER");
    assertThat(openedEvent.data().get("urgent").asBoolean()).isTrue();
    assertThat(openedEvent.data().get("urgentReasons").toString()).isEqualTo("[\"HIGH_RISK_DOMESTIC_ABUSE\"]");
    assertThat(Instant.parse(openedEvent.data().get("decisionDueBy").asString()))
        .isEqualTo(NOW.plus(Duration.ofHours(4)));
    assertThat(opened.value()).doesNotContain("Ava").doesNotContain("Arrives hungry");

    ConsumerRecord<String, String> recorded = awaitPublished(referralId, "triage.decision-recorded.v1");
    EventEnvelope recordedEvent = EventJson.read(recorded.value());
    assertThat(header(recorded, "id")).isEqualTo(recordedEvent.id());
    JsonNode data = recordedEvent.data();
    assertThat(data.get("referralId").asString()).isEqualTo(referralId);
    assertThat(data.get("outcome").asString()).isEqualTo("EARLY_HELP");
    assertThat(data.get("levelOfNeed").asInt()).isEqualTo(2);
    assertThat(data.get("rationale").asString()).isEqualTo("Parents agree to a family support worker.");
    assertThat(Instant.parse(data.get("decidedAt").asString())).isEqualTo(NOW);
    assertThat(Instant.parse(data.get("receivedAt").asString())).isEqualTo(NOW.minus(Duration.ofHours(20)));
    assertThat(data.get("onTime").asBoolean()).isTrue();
  }

  @Test
  void the_audited_read_shows_what_each_referral_told_the_mash_and_nothing_else_does() throws Exception {
    String referralId = newReferral(NOW, false, "MEDIUM");

    JsonNode contact = awaitContact(referralId);
    JsonNode referral = contact.get("referrals").get(0);
    assertThat(referral.get("referralId").asString()).isEqualTo(referralId);
    assertThat(referral.get("referrer").get("name").asString()).isEqualTo("A. Teacher");
    assertThat(referral.get("referrer").get("role").asString()).isEqualTo("Designated safeguarding lead");
    assertThat(referral.get("referrer").get("email").asString()).isEqualTo("dsl@example.org");
    assertThat(referral.get("referrer").get("phone").asString()).isEqualTo("01432 000000");
    assertThat(referral.has("recordedBy")).as("a partner's form").isFalse();
    JsonNode child = referral.get("children").get(0);
    assertThat(child.get("givenName").asString() + " " + child.get("familyName").asString()).isEqualTo("Ava Marsh");
    assertThat(child.get("dateOfBirth").asString()).isEqualTo("2016-03-14");
    assertThat(child.get("school").asString()).isEqualTo("Bishop's Oak Primary");
    assertThat(child.get("onChildProtectionPlan").asBoolean()).isFalse();
    assertThat(referral.get("household").get("adults").get(0).get("relationship").asString()).isEqualTo("MOTHER");
    assertThat(referral.get("household").get("riskFactors").toString()).isEqualTo("[\"PARENTAL_MENTAL_HEALTH\"]");
    assertThat(referral.get("concern").get("summary").asString()).isEqualTo("Arrives hungry most days.");
    assertThat(referral.get("domesticAbuse").get("dashRiskLevel").asString()).isEqualTo("MEDIUM");
    assertThat(referral.get("domesticAbuse").get("childrenPresent").asBoolean()).isTrue();
    assertThat(referral.get("consent").get("consentGiven").asBoolean()).isFalse();
    assertThat(referral.get("consent").get("reasonNotSought").asString())
        .isEqualTo("Telling the parents could put Ava at risk.");
    assertThat(referral.get("consent").get("lawfulBasis").asString()).isEqualTo("SAFEGUARDING_CHILDREN_DPA_2018");
    assertThat(referral.get("sharedWithoutConsent").asBoolean()).as("the manager sees it, with the reason")
        .isTrue();

    // Kept per referral, looked up by _id; what was first received stays (a redelivery changes nothing).
    Document kept = database.getCollection("referrals").find(new Document("_id", referralId)).first();
    assertThat(kept).isNotNull();
    send(referralId, referralReceived(referralId, NOW, false, "MEDIUM").replace("A. Teacher", "Someone Else"));
    // A marker on the same key (so the same partition, after the redelivery): once it is handled, so was that.
    String marker = UUID.randomUUID().toString();
    send(referralId, referralReceived(marker, NOW, false, null));
    awaitContact(marker);
    assertThat(json(read(referralId).body()).get("referrals").get(0).get("referrer").get("name").asString())
        .isEqualTo("A. Teacher");

    // The step answers are audited reads too, so they show it; the queue, the events and the audit do not.
    HttpResponse<String> recommended = recommend(referralId, EARLY_HELP);
    assertThat(json(recommended.body()).get("referrals").get(0).get("children").get(0).get("givenName").asString())
        .isEqualTo("Ava");
    assertThat(get("queue").body()).doesNotContain("Ava", "Telling the parents", "A. Teacher");
    assertThat(awaitPublished(referralId, "triage.contact-opened.v1").value())
        .doesNotContain("Ava", "Telling the parents", "A. Teacher", "dsl@example.org", "Dana");
    HttpResponse<String> audit = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/api/v1/triage/audit?referralId=" + referralId)).header("Authorization",
        TestTokens.bearer(MANAGER_TOKEN)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(json(audit.body()).get("reads")).extracting(r -> r.get("purpose").asString())
        .contains("MASH screening", "Recording a recommendation");
    assertThat(audit.body()).doesNotContain("Ava", "A. Teacher");
  }

  @Test
  void keeps_exactly_the_deadline_and_policy_intake_set_even_a_friday_referral_due_on_monday() throws Exception {
    Instant friday = Instant.parse("2026-02-27T15:00:00Z"); // 15:00 in London
    Instant monday = Instant.parse("2026-03-02T15:00:00Z"); // six hours after NOW: AMBER, where 24 h would be breached
    String referralId = UUID.randomUUID().toString();
    send(referralId, referralReceived(referralId, friday, monday,
        policy("ONE_WORKING_DAY", 1, "england-and-wales/2025-2028.1"), false, null, "MARF", List.of()));

    JsonNode contact = awaitContact(referralId);
    assertThat(Instant.parse(contact.get("decisionDueBy").asString())).isEqualTo(monday);
    assertThat(contact.get("deadlinePolicy").get("id").asString()).isEqualTo("ONE_WORKING_DAY");
    assertThat(contact.get("deadlinePolicy").get("version").asInt()).isEqualTo(1);
    assertThat(contact.get("deadlinePolicy").get("calendarVersion").asString())
        .isEqualTo("england-and-wales/2025-2028.1");
    assertThat(contact.get("rag").asString()).isEqualTo("AMBER");
    assertThat(Instant.parse(EventJson.read(awaitPublished(referralId, "triage.contact-opened.v1").value()).data()
        .get("decisionDueBy").asString())).isEqualTo(monday);
  }

  @Test
  void a_referral_received_without_its_deadline_or_policy_is_dead_lettered_and_opens_no_contact() throws Exception {
    String noPolicy = UUID.randomUUID().toString();
    // Triage's referral listener paused while they are sent, so all come in one poll, on one partition (one key):
    // a good one first, which is opened and not dead-lettered, the two bad ones, then a marker.
    MessageListenerContainer listener = listeners.getListenerContainers().stream()
        .filter(c -> List.of(c.getContainerProperties().getTopics()).contains(Topics.REFERRAL_EVENTS))
        .findFirst().orElseThrow();
    listener.pause();
    await().atMost(Duration.ofSeconds(30)).until(listener::isContainerPaused);
    String before = UUID.randomUUID().toString();
    String beforeEvent = referralReceived(before, NOW, false, null);
    String noPolicyEvent = referralReceived(noPolicy, NOW, NOW.plus(Duration.ofHours(24)), null, false, null,
        "MARF", List.of());
    String noDeadline = UUID.randomUUID().toString();
    String noDeadlineEvent = referralReceived(noDeadline, NOW, null, WITHIN_24_HOURS, false, null, "MARF",
        List.of());
    String marker = UUID.randomUUID().toString();
    try {
      // Sent together and flushed once, so they go in one producer batch: one fetch brings them all.
      for (String event : List.of(beforeEvent, noPolicyEvent, noDeadlineEvent,
          referralReceived(marker, NOW, false, null))) {
        referralEvents.send(new ProducerRecord<>(Topics.REFERRAL_EVENTS, noPolicy, event));
      }
      referralEvents.flush();
    } finally {
      listener.resume();
    }
    awaitContact(marker);

    awaitContact(before);
    assertThat(read(noPolicy).statusCode()).isEqualTo(404);
    assertThat(read(noDeadline).statusCode()).isEqualTo(404);
    try (KafkaConsumer<String, String> deadLetters =
        TestKafka.consumer(Topics.REFERRAL_EVENTS + Topics.DEAD_LETTER_SUFFIX)) {
      List<String> ids = List.of(EventJson.read(noPolicyEvent).id(), EventJson.read(noDeadlineEvent).id());
      List<String> dead = new ArrayList<>();
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        deadLetters.poll(Duration.ofMillis(200)).forEach(r -> dead.add(r.value()));
        return ids.stream().allMatch(id -> dead.stream().anyMatch(v -> v.contains(id)));
      });
      assertThat(dead).as("only the bad ones").noneMatch(v -> v.contains(EventJson.read(beforeEvent).id()));
      // Redacted at rest: the envelope's attributes only, never the referral's data.
      assertThat(dead.stream().filter(v -> ids.stream().anyMatch(v::contains)))
          .hasSize(2)
          .allSatisfy(v -> assertThat(EventJson.read(v).data().toString()).isEqualTo("{\"redacted\":true}"));
    }
  }

  @Test
  void queues_urgent_contacts_first_then_the_soonest_deadline_showing_breaches_as_negative_time() throws Exception {
    String calmDueInAnHour = newReferral(NOW.minus(Duration.ofHours(23)), false, "MEDIUM");
    String urgentDueTomorrow = newReferral(NOW.minus(Duration.ofHours(1)), true, null);
    String calmBreached = newReferral(NOW.minus(Duration.ofHours(25)), false, null);
    List<String> mine = List.of(calmDueInAnHour, urgentDueTomorrow, calmBreached);

    await().atMost(Duration.ofSeconds(30)).until(() -> queue().stream()
        .filter(i -> mine.contains(i.get("referralId").asString())).count() == 3);
    List<JsonNode> queued = queue().stream().filter(i -> mine.contains(i.get("referralId").asString())).toList();

    assertThat(queued).extracting(i -> i.get("referralId").asString())
        .containsExactly(urgentDueTomorrow, calmBreached, calmDueInAnHour);
    assertThat(queued).extracting(i -> i.get("rag").asString()).containsExactly("GREEN", "BREACHED", "RED");
    assertThat(queued).extracting(i -> i.get("timeRemaining").asString()).containsExactly("PT23H", "-PT1H", "PT1H");

    // Paged in the same order: the total in a header, never more than asked for, a bad page named.
    HttpResponse<String> first = get("queue?limit=2");
    assertThat(json(first.body())).hasSize(2);
    int total = Integer.parseInt(first.headers().firstValue("X-Total-Count").orElseThrow());
    assertThat(total).isGreaterThanOrEqualTo(3);
    List<String> paged = new ArrayList<>();
    for (int offset = 0; offset < total; offset += 2) {
      json(get("queue?limit=2&offset=" + offset).body()).forEach(i -> paged.add(i.get("referralId").asString()));
    }
    assertThat(paged.stream().filter(mine::contains).toList())
        .containsExactly(urgentDueTomorrow, calmBreached, calmDueInAnHour);
    HttpResponse<String> tooMuch = get("queue?limit=501&offset=-1");
    assertThat(tooMuch.statusCode()).isEqualTo(400);
    assertThat(tooMuch.body()).contains("\"limit\"", "\"offset\"");
  }

  @Test
  void a_decision_after_the_deadline_is_recorded_as_late() throws Exception {
    String referralId = newReferral(NOW.minus(Duration.ofHours(30)), false, null);
    awaitContact(referralId);

    JsonNode view = json(recommendAndDecide(referralId, EARLY_HELP).body());

    assertThat(view.get("decision").get("onTime").asBoolean()).isFalse();
    assertThat(view.get("rag").asString()).isEqualTo("BREACHED");
    ConsumerRecord<String, String> recorded = awaitPublished(referralId, "triage.decision-recorded.v1");
    assertThat(EventJson.read(recorded.value()).data().get("onTime").asBoolean()).isFalse();
  }

  @Test
  void the_same_event_delivered_twice_opens_one_contact_and_announces_it_once() throws Exception {
    String referralId = UUID.randomUUID().toString();
    String event = referralReceived(referralId, NOW.minus(Duration.ofHours(2)), false, null);
    send(referralId, event);
    send(referralId, event);
    // A marker on the same key (so the same partition, after both copies): once it is handled, so were they.
    String marker = UUID.randomUUID().toString();
    send(referralId, referralReceived(marker, NOW, false, null));
    awaitContact(marker);
    awaitPublished(marker, "triage.contact-opened.v1");

    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
        .until(() -> publishedFor(referralId, "triage.contact-opened.v1").size() == 1);
    assertThat(queue()).filteredOn(i -> i.get("referralId").asString().equals(referralId)).hasSize(1);
  }

  // --- problem+json ---------------------------------------------------------------------------------------

  List<String> pointers(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(400);
    assertProblem(response);
    List<String> pointers = new ArrayList<>();
    json(response.body()).get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
    return pointers;
  }

  void assertProblem(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
  }

  @Test
  void answers_400_problem_naming_every_bad_field_of_a_decision() throws Exception {
    String referralId = newReferral(NOW, false, null);
    awaitContact(referralId);

    assertThat(pointers(decide(referralId, """
        {"outcome":"MAYBE","levelOfNeed":7,"rationale":" "}""")))
        .containsExactlyInAnyOrder("/outcome", "/levelOfNeed", "/rationale");
    assertThat(pointers(decide(referralId, "{}")))
        .containsExactlyInAnyOrder("/outcome", "/levelOfNeed", "/rationale");
    assertThat(pointers(decide(referralId, """
        {"outcome":"EARLY_HELP","levelOfNeed":0,"rationale":"%s"}""".formatted("x".repeat(4001)))))
        .containsExactlyInAnyOrder("/levelOfNeed", "/rationale");
    assertThat(json(read(referralId).body()).get("status").asString()).isEqualTo("OPEN");
  }

  @Test
  void answers_404_problem_for_an_unknown_referral() throws Exception {
    String unknown = UUID.randomUUID().toString();

    HttpResponse<String> contact = read(unknown);
    assertThat(contact.statusCode()).isEqualTo(404);
    assertProblem(contact);
    HttpResponse<String> decision = decide(unknown, EARLY_HELP);
    assertThat(decision.statusCode()).isEqualTo(404);
    assertProblem(decision);
  }

  @Test
  void answers_409_problem_when_already_decided_leaving_the_first_decision() throws Exception {
    String referralId = newReferral(NOW, false, null);
    awaitContact(referralId);
    assertThat(recommendAndDecide(referralId, EARLY_HELP).statusCode()).isEqualTo(200);

    HttpResponse<String> again = decide(referralId, """
        {"outcome":"STRATEGY_DISCUSSION","levelOfNeed":4,"rationale":"Second thoughts."}""");

    assertThat(again.statusCode()).isEqualTo(409);
    assertProblem(again);
    assertThat(json(read(referralId).body()).get("decision").get("outcome").asString()).isEqualTo("EARLY_HELP");
  }

  // --- workflow, roles, linking, lanes, deadline events, RAG report -----------------------------------------

  @Test
  void a_manager_signs_off_a_social_workers_recommendation_and_each_step_is_checked_in_order_and_by_role()
      throws Exception {
    String referralId = newReferral(NOW, false, null);
    awaitContact(referralId);

    HttpResponse<String> tooEarly = post(referralId, "decision", EARLY_HELP, "mgr-7", MANAGER);
    assertThat(tooEarly.statusCode()).isEqualTo(409);
    assertProblem(tooEarly);
    HttpResponse<String> managerRecommends = post(referralId, "recommendation", EARLY_HELP, "mgr-7", MANAGER);
    assertThat(managerRecommends.statusCode()).isEqualTo(403);
    assertProblem(managerRecommends);
    assertThat(post(referralId, "recommendation", EARLY_HELP, "sw-3", "JANITOR").statusCode()).isEqualTo(403);

    assertThat(post(referralId, "recommendation", EARLY_HELP, "sw-3", SOCIAL_WORKER).statusCode()).isEqualTo(200);
    assertThat(post(referralId, "recommendation", EARLY_HELP, "sw-3", SOCIAL_WORKER).statusCode())
        .as("a repeated recommendation").isEqualTo(409);
    assertThat(post(referralId, "decision", EARLY_HELP, "sw-3", SOCIAL_WORKER).statusCode()).isEqualTo(403);

    HttpResponse<String> signedOff = post(referralId, "decision", EARLY_HELP, "mgr-7", MANAGER);
    assertThat(signedOff.statusCode()).isEqualTo(200);
    JsonNode contact = json(signedOff.body());
    assertThat(contact.get("recommendation").get("recommendedBy").asString()).isEqualTo("sw-3");
    assertThat(contact.get("decision").get("decidedBy").asString()).isEqualTo("mgr-7");
    assertThat(contact.get("history")).extracting(h -> h.get("step").asString())
        .containsSubsequence("OPENED", "RECOMMENDED", "DECIDED");
    assertThat(post(referralId, "checks", """
        {"advice":"Too late."}""", "sw-3", SOCIAL_WORKER).statusCode()).isEqualTo(409);
  }

  @Test
  void records_multi_agency_checks_and_the_advice_that_information_and_advice_needs() throws Exception {
    String referralId = newReferral(NOW, false, null);
    awaitContact(referralId);
    String adviceOutcome = """
        {"outcome":"INFORMATION_AND_ADVICE","levelOfNeed":1,"rationale":"Universal services can meet the need."}""";
    assertThat(post(referralId, "recommendation", adviceOutcome, "sw-3", SOCIAL_WORKER).statusCode()).isEqualTo(409);

    HttpResponse<String> checked = post(referralId, "checks", """
        {"checks":[{"agency":"HEALTH","requestedAt":"2026-03-02T08:00:00Z","returnedAt":"2026-03-02T08:40:00Z"},
                   {"agency":"POLICE","requestedAt":"2026-03-02T08:05:00Z"}],
         "advice":"Advised the school to share the family support offer."}""", "sw-3", SOCIAL_WORKER);

    assertThat(checked.statusCode()).isEqualTo(200);
    JsonNode contact = json(checked.body());
    assertThat(contact.get("checks")).extracting(c -> c.get("agency").asString()).containsExactly("HEALTH", "POLICE");
    assertThat(contact.get("checks").get(1).has("returnedAt")).isTrue();
    assertThat(contact.get("advice").get("recordedBy").asString()).isEqualTo("sw-3");
    assertThat(post(referralId, "recommendation", adviceOutcome, "sw-3", SOCIAL_WORKER).statusCode()).isEqualTo(200);
    assertThat(pointers(post(referralId, "decision", adviceOutcome, "mgr-7", MANAGER)))
        .as("the decision tells the referrer what to do").containsExactly("/adviceToReferrer");
    HttpResponse<String> decided = post(referralId, "decision", """
        {"outcome":"INFORMATION_AND_ADVICE","levelOfNeed":1,"rationale":"Universal services can meet the need.",
         "adviceToReferrer":"Offer the family the school nurse drop-in; refer again if Ava misses meals."}""",
        "mgr-7", MANAGER);
    assertThat(decided.statusCode()).isEqualTo(200);
    assertThat(json(decided.body()).get("decision").get("adviceToReferrer").asString())
        .isEqualTo("Offer the family the school nurse drop-in; refer again if Ava misses meals.");
  }

  @Test
  void no_further_action_needs_advice_to_the_referrer_which_travels_to_intake_without_the_rationale()
      throws Exception {
    String referralId = newReferral(NOW, false, null);
    awaitContact(referralId);
    String nothing = """
        {"outcome":"NO_FURTHER_ACTION","levelOfNeed":1,"rationale":"Needs met by the school's own support."%s}""";
    assertThat(recommend(referralId, nothing.formatted("")).statusCode())
        .as("a recommendation may leave the advice to the manager").isEqualTo(200);

    assertThat(pointers(decide(referralId, nothing.formatted("")))).containsExactly("/adviceToReferrer");
    assertThat(pointers(decide(referralId, nothing.formatted(",\"adviceToReferrer\":\"  \""))))
        .containsExactly("/adviceToReferrer");
    assertThat(pointers(decide(referralId, nothing.formatted(",\"adviceToReferrer\":\"%s\"".formatted(
        "a".repeat(4001)))))).containsExactly("/adviceToReferrer");
    assertThat(pointers(decide(referralId, """
        {"outcome":"NO_FURTHER_ACTION","levelOfNeed":9,"rationale":""}""")))
        .as("named with every other bad field").containsExactlyInAnyOrder("/adviceToReferrer", "/levelOfNeed",
            "/rationale");
    assertThat(json(read(referralId).body()).get("status").asString()).isEqualTo("OPEN");

    HttpResponse<String> decided = decide(referralId, nothing.formatted(
        ",\"adviceToReferrer\":\"Keep offering breakfast club; refer again if Ava is hungry at school.\""));
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
    JsonNode event = EventJson.read(awaitPublished(referralId, "triage.decision-recorded.v1").value()).data();
    assertThat(event.get("adviceToReferrer").asString())
        .isEqualTo("Keep offering breakfast club; refer again if Ava is hungry at school.");
    assertThat(event.has("rationale")).as("no consumer uses the rationale of a contact closed at the front door")
        .isFalse();
  }

  @Test
  void answers_400_problem_naming_every_bad_field_of_checks() throws Exception {
    String referralId = newReferral(NOW, false, null);
    awaitContact(referralId);
    assertThat(pointers(post(referralId, "checks", """
        {"checks":[{"agency":"SOCIAL_MEDIA","returnedAt":"2026-03-02T08:00:00Z"},
                   {"agency":"HEALTH","requestedAt":"2026-03-02T09:00:00Z","returnedAt":"2026-03-02T08:00:00Z"}]}""")))
        .containsExactlyInAnyOrder("/checks/0/agency", "/checks/0/requestedAt", "/checks/1/returnedAt");
    assertThat(pointers(post(referralId, "checks", "{}"))).containsExactly("/checks");
  }

  @Test
  void a_referral_linked_to_an_open_contact_joins_it_and_the_contact_shows_every_source() throws Exception {
    String police = UUID.randomUUID().toString();
    send(police, referralReceived(police, NOW.minus(Duration.ofHours(1)), false, "STANDARD", "POLICE_NOTIFICATION",
        List.of()));
    JsonNode opened = awaitContact(police);
    assertThat(opened.get("lane").asString()).isEqualTo("DOMESTIC_ABUSE");
    assertThat(queue("?lane=DOMESTIC_ABUSE")).extracting(i -> i.get("referralId").asString()).contains(police);
    assertThat(queue("?lane=MASH")).extracting(i -> i.get("referralId").asString()).doesNotContain(police);

    String school = UUID.randomUUID().toString();
    send(school, referralReceived(school, NOW, false, null, "MARF", List.of(police)));
    await().atMost(Duration.ofSeconds(30)).until(() -> read(school).statusCode() == 200);

    JsonNode bySchool = json(read(school).body());
    assertThat(bySchool.get("contactId").asString()).isEqualTo(police);
    assertThat(bySchool.get("referralIds")).extracting(JsonNode::asString).containsExactly(police, school);
    assertThat(bySchool.get("sources")).extracting(s -> s.get("agency").asString()).containsExactly("SCHOOL", "SCHOOL");
    assertThat(bySchool.get("sources")).extracting(s -> s.get("referralType").asString())
        .containsExactly("POLICE_NOTIFICATION", "MARF");
    assertThat(bySchool.get("lane").asString()).as("a MASH referral lifts it out of the DA lane").isEqualTo("MASH");
    assertThat(Instant.parse(bySchool.get("decisionDueBy").asString()))
        .isEqualTo(NOW.minus(Duration.ofHours(1)).plus(Duration.ofHours(24)));
    assertThat(json(read(police).body()).get("referralIds")).hasSize(2);
    assertThat(queue("")).filteredOn(i -> i.get("referralIds").toString().contains(school))
        .singleElement().satisfies(i -> assertThat(i.get("referralId").asString()).isEqualTo(police));
    EventEnvelope joined = EventJson.read(awaitPublished(police, "triage.referral-joined.v1").value());
    assertThat(joined.data().get("referralId").asString()).isEqualTo(school);
    assertThat(publishedFor(school, "triage.contact-opened.v1")).isEmpty();
  }

  @Test
  void filters_the_queue_by_rag() throws Exception {
    String red = newReferral(NOW.minus(Duration.ofHours(23)), false, null);
    String green = newReferral(NOW, false, null);
    awaitContact(red);
    awaitContact(green);
    assertThat(queue("?rag=RED")).extracting(i -> i.get("referralId").asString()).contains(red).doesNotContain(green);
    assertThat(queue("?rag=GREEN")).extracting(i -> i.get("referralId").asString()).contains(green).doesNotContain(red);
    HttpResponse<String> bad = get("queue?rag=PURPLE");
    assertThat(bad.statusCode()).isEqualTo(400);
  }

  @Test
  void announces_amber_red_and_the_breach_exactly_once_each_as_the_clock_runs() throws Exception {
    String referralId = newReferral(NOW, false, null);
    awaitContact(referralId);
    try {
      CLOCK.set(NOW.plus(Duration.ofHours(16)));
      assertThat(deadlineData(awaitPublished(referralId, "triage.deadline-approaching.v1")).get("rag").asString())
          .isEqualTo("AMBER");
      CLOCK.set(NOW.plus(Duration.ofHours(22)));
      await().atMost(Duration.ofSeconds(30))
          .until(() -> publishedFor(referralId, "triage.deadline-approaching.v1").size() == 2);
      CLOCK.set(NOW.plus(Duration.ofHours(24)).plusMillis(1));
      JsonNode breach = deadlineData(awaitPublished(referralId, "triage.deadline-breached.v1"));
      assertThat(breach.get("rag").asString()).isEqualTo("BREACHED");
      assertThat(Instant.parse(breach.get("decisionDueBy").asString())).isEqualTo(NOW.plus(Duration.ofHours(24)));
      assertThat(breach.get("contactId").asString()).isEqualTo(referralId);

      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
          publishedFor(referralId, "triage.deadline-approaching.v1").size() == 2
              && publishedFor(referralId, "triage.deadline-breached.v1").size() == 1);
      assertThat(publishedFor(referralId, "triage.deadline-approaching.v1"))
          .extracting(r -> deadlineData(r).get("rag").asString()).containsExactly("AMBER", "RED");
      assertThat(json(read(referralId).body()).get("history")).extracting(h -> h.get("step").asString())
          .containsSubsequence("OPENED", "TURNED_AMBER", "TURNED_RED", "BREACHED");
    } finally {
      CLOCK.set(NOW);
    }
  }

  @Test
  void issues_the_rag_report_for_the_current_slot_once_with_counts_and_no_personal_data() {
    // The clock stands at 09:00 London: a report slot.
    await().atMost(Duration.ofSeconds(30))
        .until(() -> !publishedFor("rag-report/2026-03-02T09:00", "triage.rag-report.v1").isEmpty());
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
        .until(() -> publishedFor("rag-report/2026-03-02T09:00", "triage.rag-report.v1").size() == 1);
    ConsumerRecord<String, String> report = publishedFor("rag-report/2026-03-02T09:00", "triage.rag-report.v1")
        .getFirst();
    JsonNode data = EventJson.read(report.value()).data();
    assertThat(data.get("byLane").get("MASH").has("GREEN")).isTrue();
    assertThat(data.get("total").has("BREACHED")).isTrue();
    assertThat(Instant.parse(data.get("slotAt").asString())).isEqualTo(NOW);
    assertThat(report.value()).doesNotContain("Ava").doesNotContain("Arrives hungry");
  }

  @Test
  void publishes_front_door_metrics() throws Exception {
    String metrics = metricsAfterADecision();
    assertThat(metrics).contains("triage_referrals_received_total{", "triage_decisions_total{",
        "triage_contacts_open{", "triage_decision_time_seconds_bucket{", "le=\"86400.0\"");
    assertThat(metrics).contains("on_time=\"true\"", "referral_type=\"MARF\"");
  }

  @Test
  void front_door_metrics_pass_promtool_check_metrics() throws Exception {
    Promtool.assertCleanMetrics(metricsAfterADecision(), "triage-service");
  }

  /** The scrape after a referral is received and decided, so every meter the front door has shows a series. */
  String metricsAfterADecision() throws Exception {
    String referralId = newReferral(NOW.minus(Duration.ofHours(2)), false, null);
    awaitContact(referralId);
    recommendAndDecide(referralId, EARLY_HELP);
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/actuator/prometheus")).header("Authorization", TestTokens.metricsBearer()).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  static JsonNode deadlineData(ConsumerRecord<String, String> record) {
    return EventJson.read(record.value()).data();
  }

  List<JsonNode> queue(String query) throws Exception {
    HttpResponse<String> response = get("queue" + query);
    assertThat(response.statusCode()).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    json(response.body()).forEach(items::add);
    return items;
  }
}
