package org.mashfrontdoor.notification.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.testsupport.MutableClock;
import org.mashfrontdoor.platform.testsupport.EmbeddedInfrastructure;
import org.mashfrontdoor.platform.testsupport.TestHttp;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

@WithEmbeddedInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.config.name=notification-service", "mash.notify.escalate-after=P10D"})
@DisplayName("notification-service: MASH staff are alerted to urgent contacts, decisions and deadlines, "
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

  static final String MANAGER = TestTokens.staff("mash-manager", "MASH_MANAGER").mint();
  static final String SOCIAL_WORKER = TestTokens.staff("mash-social-worker", "MASH_SOCIAL_WORKER").mint();
  static final String HEAD_OF_SERVICE = TestTokens.staff("head-of-service", "HEAD_OF_SERVICE").mint();
  static final String PARTNER = TestTokens.partner("police", "POLICE", "West Mercia Police", "referral:submit")
      .mint();

  @Value("${local.server.port}")
  int port;


  @BeforeAll
  static void producer() {
    producer = EmbeddedInfrastructure.get().writer();
  }

  @AfterAll
  static void close() {
    producer.close();
  }

  @Test
  @DisplayName("an urgent contact (triage's one urgency rule) raises one URGENT_CONTACT alert with its reasons, "
      + "a contact that is not urgent raises none")
  void urgentContact() throws Exception {
    String referralId = UUID.randomUUID().toString();
    String calm = UUID.randomUUID().toString();
    send(Topics.TRIAGE_EVENTS, contactOpened(calm, "MARF-2026-000002", false, List.of()));
    send(Topics.TRIAGE_EVENTS, contactOpened(referralId, "MARF-2026-000001", true,
        List.of("IMMEDIATE_RISK", "HIGH_RISK_DOMESTIC_ABUSE")));

    List<JsonNode> alerts = awaitAlerts(referralId, 1);
    JsonNode alert = alerts.get(0);
    assertThat(alert.get("type").asString()).isEqualTo("URGENT_CONTACT");
    assertThat(alert.get("severity").asString()).isEqualTo("URGENT");
    assertThat(alert.get("audience").toString()).contains("MASH_MANAGER");
    assertThat(alert.get("reasons").toString()).contains("IMMEDIATE_RISK", "HIGH_RISK_DOMESTIC_ABUSE");
    assertThat(alert.get("reference").asString()).isEqualTo("MARF-2026-000001");
    assertThat(alert.get("acknowledgedBy").isNull()).isTrue();
    assertThat(get("/api/v1/alerts?referralId=" + calm)).isEmpty();
  }

  @Test
  @DisplayName("deadline and decision events raise alerts in order; a redelivered event and unknown types add nothing")
  void triageEvents() throws Exception {
    String referralId = UUID.randomUUID().toString();
    Instant due = Instant.parse("2026-03-03T09:00:00Z");
    EventEnvelope approaching = EventEnvelope.create("/mash/triage-service", "triage.deadline-approaching.v1",
        referralId, START, Map.of("referralId", referralId, "reference", "MARF-2026-000003",
            "decisionDueBy", due.toString(), "rag", "AMBER"));
    EventEnvelope opened = contactOpened(referralId, "MARF-2026-000003", false, List.of());
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
        .containsExactly("DECISION_RECORDED", "DEADLINE_BREACHED", "DEADLINE_APPROACHING");
    assertThat(alerts.get(1).get("audience").toString()).contains("MASH_MANAGER", "HEAD_OF_SERVICE");
    assertThat(alerts.get(0).get("summary").asString())
        .isEqualTo("Decision recorded for referral MARF-2026-000003: early help");
  }

  @Test
  @DisplayName("a triage event that can never be handled goes to the DLT alone; the events around it raise their "
      + "alerts")
  void triageDeadLetter() throws Exception {
    String referralId = UUID.randomUUID().toString();
    EventEnvelope opened = contactOpened(referralId, "MARF-2026-000004", true, List.of("IMMEDIATE_RISK"));
    EventEnvelope unknownOutcome = EventEnvelope.create("/mash/triage-service", "triage.decision-recorded.v1",
        referralId, START, Map.of("referralId", referralId, "outcome", "WAIT_AND_SEE"));
    EventEnvelope decided = EventEnvelope.create("/mash/triage-service", "triage.decision-recorded.v1",
        referralId, START, Map.of("referralId", referralId, "reference", "MARF-2026-000004", "outcome", "EARLY_HELP"));

    send(Topics.TRIAGE_EVENTS, opened);
    send(Topics.TRIAGE_EVENTS, unknownOutcome);
    send(Topics.TRIAGE_EVENTS, decided);

    awaitDeadLetters(Topics.TRIAGE_EVENTS, referralId, unknownOutcome.id());
    assertThat(awaitAlerts(referralId, 2)).extracting(a -> a.get("type").asString())
        .containsExactly("DECISION_RECORDED", "URGENT_CONTACT");
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
    awaitDeadLetters(Topics.CASE_EVENTS, referralId, withoutKind.id());
    List<JsonNode> alerts = get("/api/v1/alerts?referralId=" + referralId);
    assertThat(alerts).extracting(a -> a.get("type").asString())
        .containsExactly("CASE_DEADLINE_BREACHED", "CASE_DEADLINE_APPROACHING");
    java.util.Collections.reverse(alerts);
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
  @DisplayName("the list is newest first and paged; UNACKNOWLEDGED leaves acknowledged alerts out")
  void paging() throws Exception {
    List<String> referralIds = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String referralId = UUID.randomUUID().toString();
      referralIds.add(referralId);
      send(Topics.TRIAGE_EVENTS, contactOpened(referralId, "MARF-2026-2%05d".formatted(i), true,
          List.of("RE_REFERRAL")));
      awaitAlerts(referralId, 1);
    }
    JsonNode page = json(getRaw("/api/v1/alerts?size=2&page=0", MANAGER).body());
    assertThat(page.get("alerts")).hasSize(2);
    assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(3);
    Instant first = Instant.parse(page.get("alerts").get(0).get("createdAt").asString());
    Instant second = Instant.parse(page.get("alerts").get(1).get("createdAt").asString());
    assertThat(first).isAfterOrEqualTo(second);

    String acknowledged = awaitAlerts(referralIds.get(0), 1).get(0).get("alertId").asString();
    assertThat(post("/api/v1/alerts/" + acknowledged + "/acknowledgement", SOCIAL_WORKER).statusCode()).isEqualTo(200);
    JsonNode unacknowledged = json(getRaw("/api/v1/alerts?status=UNACKNOWLEDGED&size=100&referralId="
        + referralIds.get(0), MANAGER).body());
    assertThat(unacknowledged.get("alerts")).isEmpty();
    assertThat(getRaw("/api/v1/alerts?status=NONSENSE", MANAGER).statusCode()).isEqualTo(400);
  }

  @Test
  @DisplayName("at a RAG report time the MASH team gets a digest of every open contact, oldest first, decided ones left out")
  void ragDigest() throws Exception {
    String older = UUID.randomUUID().toString();
    String newer = UUID.randomUUID().toString();
    String decided = UUID.randomUUID().toString();
    send(Topics.TRIAGE_EVENTS, contactOpened(older, "MARF-2026-400001", false, List.of()));
    send(Topics.TRIAGE_EVENTS, contactOpened(newer, "MARF-2026-400002", false, List.of()));
    send(Topics.TRIAGE_EVENTS, contactOpened(decided, "MARF-2026-400003", false, List.of()));
    send(Topics.TRIAGE_EVENTS, EventEnvelope.create("/mash/triage-service", "triage.decision-recorded.v1", decided,
        START, Map.of("contactId", decided, "referralId", decided, "reference", "MARF-2026-400003",
            "outcome", "NO_FURTHER_ACTION", "levelOfNeed", 1)));
    awaitAlerts(decided, 1); // the decision has been followed
    String reportId = "rag-" + UUID.randomUUID();
    send(Topics.TRIAGE_EVENTS, EventEnvelope.create("/mash/triage-service", "triage.rag-report.v1", reportId, START,
        Map.of("reportId", reportId, "slotAt", START.toString())));

    JsonNode digest = awaitAlerts(reportId, 1).get(0);
    assertThat(digest.get("type").asString()).isEqualTo("RAG_DIGEST");
    assertThat(digest.get("audience").toString()).contains("MASH_TEAM");
    String summary = digest.get("summary").asString();
    assertThat(summary).contains("MARF-2026-400001", "MARF-2026-400002").doesNotContain("MARF-2026-400003");
  }

  @Test
  @DisplayName("no token is 401, a partner token 403; MASH staff and case team managers may read")
  void staffOnly() throws Exception {
    assertThat(getRaw("/api/v1/alerts", null).statusCode()).isEqualTo(401);
    assertThat(getRaw("/api/v1/alerts", PARTNER).statusCode()).isEqualTo(403);
    assertThat(getRaw("/api/v1/alerts", SOCIAL_WORKER).statusCode()).isEqualTo(200);
    assertThat(getRaw("/api/v1/alerts", HEAD_OF_SERVICE).statusCode()).isEqualTo(200);
    assertThat(getRaw("/api/v1/alerts/" + UUID.randomUUID(), MANAGER).statusCode()).isEqualTo(404);
  }

  static EventEnvelope contactOpened(String referralId, String reference, boolean urgent, List<String> reasons) {
    Map<String, Object> data = new java.util.LinkedHashMap<>();
    data.put("contactId", referralId);
    data.put("referralId", referralId);
    data.put("reference", reference);
    data.put("receivedAt", START.toString());
    data.put("decisionDueBy", START.plus(Duration.ofHours(24)).toString());
    data.put("urgent", urgent);
    data.put("urgentReasons", reasons);
    data.put("rag", "GREEN");
    data.put("lane", "MASH");
    return EventEnvelope.create("/mash/triage-service", "triage.contact-opened.v1", referralId, START, data);
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

  /** Until {@code topic}'s dead letters about {@code referralId} are exactly {@code eventIds}. */
  private static void awaitDeadLetters(String topic, String referralId, String... eventIds) {
    try (KafkaConsumer<String, String> deadLetters = EmbeddedInfrastructure.get()
        .readerFromStart(topic + Topics.DEAD_LETTER_SUFFIX)) {
      List<String> dead = new ArrayList<>();
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        deadLetters.poll(Duration.ofMillis(200)).forEach(r -> {
          if (referralId.equals(r.key())) {
            dead.add(EventJson.read(r.value()).id());
          }
        });
        assertThat(dead).containsExactly(eventIds);
      });
    }
  }

  private List<JsonNode> awaitAlerts(String referralId, int count) throws Exception {
    String path = "/api/v1/alerts?referralId=" + URLEncoder.encode(referralId, StandardCharsets.UTF_8);
    await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
        .untilAsserted(() -> assertThat(get(path)).hasSize(count));
    return get(path);
  }

  /** The alerts of a list answer (its {@code alerts} array), newest first. */
  private List<JsonNode> get(String path) throws Exception {
    HttpResponse<String> response = getRaw(path + (path.contains("?") ? "&" : "?") + "size=100", MANAGER);
    assertThat(response.statusCode()).isEqualTo(200);
    List<JsonNode> alerts = new ArrayList<>();
    json(response.body()).get("alerts").forEach(alerts::add);
    return alerts;
  }

  HttpResponse<String> getRaw(String path, String token) throws Exception {
    return TestHttp.on(port).get(path, token);
  }

  HttpResponse<String> post(String path, String token) throws Exception {
    return TestHttp.on(port).post(path, token);
  }

  static JsonNode json(String body) {
    return EventJson.mapper().readTree(body);
  }
}
