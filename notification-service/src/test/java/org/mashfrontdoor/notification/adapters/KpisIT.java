package org.mashfrontdoor.notification.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.testsupport.EmbeddedInfrastructure;
import org.mashfrontdoor.platform.testsupport.ReportedMonth;
import org.mashfrontdoor.platform.testsupport.TestHttp;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

/**
 * The KPI projection over the real broker and store: a month of triage events with the source reports'
 * distribution (Herefordshire MASH, March 2020: 727 contacts, 92 referrals) replayed as March 2027 (inside the
 * bank-holiday calendar's years), and the "contacts and referrals by source" table read back exactly.
 */
@WithEmbeddedInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.config.name=notification-service", "mash.notify.escalate-after=P10D"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("notification-service KPIs: the scorecard and contacts by source, live from the events")
class KpisIT {

  static final Instant NOW = Instant.parse("2027-04-15T12:00:00Z");

  @TestConfiguration
  static class Clocks {
    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  static final String OPS = TestTokens.staff("ops", "OPS").mint();
  static final String MANAGER = TestTokens.staff("mash-manager", "MASH_MANAGER").mint();
  static final String SOCIAL_WORKER = TestTokens.staff("mash-social-worker", "MASH_SOCIAL_WORKER").mint();

  static KafkaProducer<String, String> producer;

  @Value("${local.server.port}")
  int port;


  @BeforeAll
  static void replayMarch() {
    producer = EmbeddedInfrastructure.get().writer();
    for (EventEnvelope event : ReportedMonth.events(YearMonth.of(2027, 3))) {
      producer.send(new ProducerRecord<>(Topics.TRIAGE_EVENTS, event.subject(), EventJson.write(event)));
    }
    producer.flush();
  }

  @AfterAll
  static void close() {
    producer.close();
  }

  @Test
  @Order(1)
  @DisplayName("a replayed month gives the reports' table exactly: police 418 = 57.50%, 29 referrals = 31.52%, "
      + "6.94% converted; 727 contacts, 92 referrals, 12.65%")
  void contactsBySource() throws Exception {
    JsonNode table = awaitMarchComplete();
    assertMarchTable(table);
  }

  @Test
  @Order(2)
  @DisplayName("the scorecard of the month: counts, conversion and both decision KPIs, with RAG on the 24-hour one")
  void scorecard() throws Exception {
    awaitMarchComplete();
    HttpResponse<String> response = get("/api/v1/kpis/scorecard?month=2027-03", MANAGER);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode scorecard = EventJson.mapper().readTree(response.body());
    assertThat(scorecard.get("month").asString()).isEqualTo("2027-03");
    assertThat(scorecard.get("financialYearFrom").asString()).isEqualTo("2026-04");
    Map<String, JsonNode> rows = new LinkedHashMap<>();
    scorecard.get("rows").forEach(r -> rows.put(r.get("kpi").asString(), r));
    assertThat(rows.get("CONTACTS").get("month").decimalValue()).isEqualByComparingTo("727");
    assertThat(rows.get("REFERRALS").get("month").decimalValue()).isEqualByComparingTo("92");
    assertThat(percent(rows.get("CONTACT_CONVERSION").get("month"))).isEqualTo("12.65");
    JsonNode hours = rows.get("CONTACTS_DECIDED_WITHIN_24_HOURS");
    JsonNode day = rows.get("CONTACTS_DECIDED_WITHIN_1_DAY");
    assertThat(hours.get("target").decimalValue()).isEqualByComparingTo("95");
    assertThat(hours.get("rag").asString()).isEqualTo("RED"); // a quarter decided after 30 hours
    assertThat(day.get("target").isNull()).isTrue();
    assertThat(day.get("rag").isNull()).isTrue();
    assertThat(hours.get("month").decimalValue()).isLessThan(day.get("month").decimalValue());
    assertThat(hours.get("direction").asString()).isEqualTo("NONE"); // nothing in February
  }

  @Test
  @Order(3)
  @DisplayName("only MASH managers, the head of service and operations read KPIs; a bad month is a 400 naming it")
  void access() throws Exception {
    assertThat(get("/api/v1/kpis/scorecard?month=2027-03", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/kpis/scorecard?month=2027-03", SOCIAL_WORKER).statusCode()).isEqualTo(403);
    assertThat(get("/api/v1/kpis/contacts-by-source?month=2027-03", OPS).statusCode()).isEqualTo(200);
    HttpResponse<String> bad = get("/api/v1/kpis/contacts-by-source?month=March-2027", OPS);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(bad.body()).contains("\"month\"").doesNotContain("March-2027");
    assertThat(post("/api/v1/kpis/rebuild", MANAGER).statusCode()).isEqualTo(403);
  }

  @Test
  @Order(4)
  @DisplayName("rebuilt from the topics when asked: forgotten, read again from the start, the same table")
  void rebuild() throws Exception {
    awaitMarchComplete();
    assertThat(post("/api/v1/kpis/rebuild", OPS).statusCode()).isEqualTo(202);
    assertMarchTable(awaitMarchComplete());
  }

  @Test
  @Order(5)
  @DisplayName("an event the projection cannot read is skipped, not retried forever: the next one on its "
      + "partition is counted")
  void unreadableEventSkipped() throws Exception {
    String contactId = java.util.UUID.randomUUID().toString();
    Map<String, Object> unreadable = new LinkedHashMap<>();
    unreadable.put("referralId", contactId);
    unreadable.put("receivedAt", "the day before yesterday");
    unreadable.put("decisionDueBy", "2027-05-11T10:00:00Z");
    EventEnvelope bad = EventEnvelope.create("/mash/triage-service", "triage.contact-opened.v1", contactId,
        NOW, unreadable);
    EventEnvelope good = ReportedMonth.events(YearMonth.of(2027, 5)).getFirst();
    // Same key, so the same partition: the good event waits behind the bad one unless the bad one is skipped.
    producer.send(new ProducerRecord<>(Topics.TRIAGE_EVENTS, contactId, EventJson.write(bad)));
    producer.send(new ProducerRecord<>(Topics.TRIAGE_EVENTS, contactId, EventJson.write(good)));
    producer.flush();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(
        EventJson.mapper().readTree(get("/api/v1/kpis/contacts-by-source?month=2027-05", OPS).body())
            .get("total").get("contacts").asLong()).isEqualTo(1));
  }

  private JsonNode awaitMarchComplete() throws Exception {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      JsonNode table = marchTable();
      assertThat(table.get("total").get("contacts").asLong()).isEqualTo(ReportedMonth.CONTACTS);
      assertThat(table.get("total").get("referrals").asLong()).isEqualTo(ReportedMonth.REFERRALS);
    });
    return marchTable();
  }

  private JsonNode marchTable() throws Exception {
    HttpResponse<String> response = get("/api/v1/kpis/contacts-by-source?month=2027-03", OPS);
    assertThat(response.statusCode()).isEqualTo(200);
    return EventJson.mapper().readTree(response.body());
  }

  private static void assertMarchTable(JsonNode table) {
    assertThat(table.get("month").asString()).isEqualTo("2027-03");
    List<String> rows = new ArrayList<>();
    table.get("rows").forEach(r -> rows.add(String.join(" ", r.get("source").asString(),
        r.get("contacts").asString(), percent(r.get("contactsPercent")), r.get("referrals").asString(),
        percent(r.get("referralsPercent")), percent(r.get("conversionPercent")))));
    assertThat(rows).containsExactlyElementsOf(ReportedMonth.MARCH_2020.stream().map(ReportedMonth.Row::line)
        .toList());
    assertThat(percent(table.get("total").get("conversionPercent"))).isEqualTo(ReportedMonth.CONVERSION_PERCENT);
  }

  /** Two decimals exactly: more would throw (UNNECESSARY), so rounding is checked too. */
  static String percent(JsonNode value) {
    return value.decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return TestHttp.on(port).get(path, token);
  }

  private HttpResponse<String> post(String path, String token) throws Exception {
    return TestHttp.on(port).post(path, token);
  }
}
