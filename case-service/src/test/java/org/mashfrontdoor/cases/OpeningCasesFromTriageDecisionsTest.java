package org.mashfrontdoor.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.net.http.HttpClient;
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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.testsupport.EmbeddedInfrastructure;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=case-service")
@WithEmbeddedInfrastructure
class OpeningCasesFromTriageDecisionsTest {

  private static final Instant NOW = Instant.parse("2020-03-02T09:15:00Z");
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TestConfiguration
  static class FixedClock {
    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  private static KafkaProducer<String, String> producer;
  private static final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  @Autowired
  MongoDatabase database;

  @BeforeAll
  static void connect() {
    producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.get().kafkaBootstrapServers(),
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
  }

  @AfterAll
  static void disconnect() {
    producer.close();
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

    String caseId = listed.get("caseId").asString();
    HttpResponse<String> one = get("/api/v1/cases/" + caseId);
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(json(one.body())).isEqualTo(listed);
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
          assertThat(dead.value()).isEqualTo(poison);
        }));
  }

  @Test
  void listing_cases_without_a_referral_id_is_a_bad_request_naming_the_parameter() throws Exception {
    HttpResponse<String> response = get("/api/v1/cases");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains("referralId");
  }

  @Test
  void a_referral_without_cases_lists_none() throws Exception {
    HttpResponse<String> response = get("/api/v1/cases?referralId=" + newReferralId());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response.body()).isArray()).isTrue();
    assertThat(json(response.body())).isEmpty();
  }

  @Test
  void an_unknown_case_is_not_found() throws Exception {
    HttpResponse<String> response = get("/api/v1/cases/" + UUID.randomUUID());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
  }

  private static String newReferralId() {
    return "R-" + UUID.randomUUID();
  }

  private static void publishDecision(String eventId, String referralId, String outcome) throws Exception {
    String event = """
        {"specversion":"1.0","id":"%s","source":"/mash/triage-service","type":"triage.decision-recorded.v1",
         "subject":"%s","time":"2020-03-02T09:10:00Z","datacontenttype":"application/json",
         "data":{"contactId":"C-%s","referralId":"%s","reference":"MASH-2020-0001","outcome":"%s",
                 "levelOfNeed":3,"rationale":"Manager's rationale","decidedAt":"2020-03-02T09:10:00Z",
                 "decisionDueBy":"2020-03-03T08:00:00Z","onTime":true}}
        """.formatted(eventId, referralId, referralId, referralId, outcome);
    ProducerRecord<String, String> record = new ProducerRecord<>(Topics.TRIAGE_EVENTS, referralId, event);
    record.headers().add("id", eventId.getBytes(StandardCharsets.UTF_8));
    record.headers().add("type", "triage.decision-recorded.v1".getBytes(StandardCharsets.UTF_8));
    producer.send(record).get();
  }

  private List<JsonNode> awaitCases(String referralId, int expected) {
    List<JsonNode> cases = new ArrayList<>();
    await().atMost(PATIENCE).untilAsserted(() -> {
      HttpResponse<String> response = get("/api/v1/cases?referralId=" + referralId);
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
      assertThat(database.getCollection("outbox").countDocuments(Filters.eq("sentAt", null))).isZero();
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

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(String text) {
    return EventJson.mapper().readTree(text);
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
