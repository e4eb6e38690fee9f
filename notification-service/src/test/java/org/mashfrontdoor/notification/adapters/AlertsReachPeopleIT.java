package org.mashfrontdoor.notification.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.notification.adapters.clock.EscalationLoop;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.testsupport.EmbeddedInfrastructure;
import org.mashfrontdoor.platform.testsupport.Promtool;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Alerts reach people over the real embedded broker and store and a real SMTP server (GreenMail, in this JVM): the
 * live stream, email through a mail server that goes down and comes back, acknowledgement and escalation.
 */
@WithEmbeddedInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.config.name=notification-service", "mash.notify.escalate-after=PT15M"})
@DisplayName("Alerts reach people: stream, email through an SMTP outage, acknowledgement, escalation")
class AlertsReachPeopleIT {

  // Monday 2 March 2026, 10:00 London: office hours, so no emergency duty team copy.
  static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
  /** Real time moved to START, so retries and backoffs run as they would; advanced to reach escalations. */
  static final OffsetClock CLOCK = new OffsetClock(Duration.between(Instant.now(), START));

  static final class OffsetClock extends java.time.Clock {
    private volatile Duration offset;

    OffsetClock(Duration offset) {
      this.offset = offset;
    }

    void advance(Duration by) {
      offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
  static final int SMTP_PORT = freePort();
  static GreenMail smtp = startSmtp();

  static final String MANAGER = TestTokens.staff("mash-manager", "MASH_MANAGER").mint();

  @TestConfiguration
  static class TestClock {
    @Bean
    java.time.Clock clock() {
      return CLOCK;
    }
  }

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("mash.notify.mail.host", () -> "127.0.0.1");
  }

  static KafkaProducer<String, String> producer;

  @Value("${local.server.port}")
  int port;

  @Autowired
  EscalationLoop escalationLoop;

  @Autowired
  org.mashfrontdoor.notification.adapters.web.AlertStream alertStream;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void producer() {
    producer = EmbeddedInfrastructure.get().writer();
  }

  @AfterAll
  static void close() {
    producer.close();
    smtp.stop();
  }

  @Test
  @DisplayName("with the mail server down the stream still gets an urgent alert at once, the breaker opens, and "
      + "the email is delivered exactly once when the server is back")
  void smtpOutage() throws Exception {
    int before = alertStream.readers();
    BlockingQueue<String> stream = connectStream(null);
    await().atMost(Duration.ofSeconds(10)).until(() -> alertStream.readers() > before);
    smtp.stop();
    String referralId = UUID.randomUUID().toString();
    long sentAt = System.nanoTime();
    send(contactOpened(referralId, "MARF-2026-300001", List.of("IMMEDIATE_RISK")));

    String alertId = awaitStreamed(stream, "URGENT_CONTACT", referralId);
    assertThat(Duration.ofNanos(System.nanoTime() - sentAt)).as("published to streamed, SMTP down")
        .isLessThan(Duration.ofSeconds(5));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonNode alert = json(get("/api/v1/alerts/" + alertId).body());
      assertThat(alert.get("deliveries").get(0).get("attempts").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(alert.get("deliveries").get(0).get("state").asString()).isEqualTo("PENDING");
    });
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(scrape().body())
        .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"email\"[^}]*state=\"open\"[^}]*\\} 1\\.0"));

    smtp = startSmtp();
    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(messagesAbout("MARF-2026-300001"))
        .hasSize(1));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        json(get("/api/v1/alerts/" + alertId).body()).get("deliveries").get(0).get("state").asString())
        .isEqualTo("SENT"));
    MimeMessage email = messagesAbout("MARF-2026-300001").get(0);
    assertThat(Arrays.toString(email.getAllRecipients())).contains("mash-manager@mash.example");
    assertThat(String.valueOf(email.getContent())).contains("/api/v1/alerts/" + alertId).doesNotContain("Ava");
  }

  @Test
  @DisplayName("an unacknowledged urgent alert escalates once to the head of service; an acknowledged one does "
      + "not; a restart of the escalation clock sends nothing twice")
  void escalation() throws Exception {
    String ignored = UUID.randomUUID().toString();
    String acknowledged = UUID.randomUUID().toString();
    send(contactOpened(ignored, "MARF-2026-300002", List.of("CHILD_UNDER_ONE")));
    send(contactOpened(acknowledged, "MARF-2026-300003", List.of("CHILD_ON_PLAN")));
    String ignoredAlert = awaitAlerts(ignored, 1).get(0).get("alertId").asString();
    String acknowledgedAlert = awaitAlerts(acknowledged, 1).get(0).get("alertId").asString();
    HttpResponse<String> ack = post("/api/v1/alerts/" + acknowledgedAlert + "/acknowledgement");
    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(json(ack.body()).get("acknowledgedBy").asString()).isEqualTo("mash-manager");
    assertThat(json(post("/api/v1/alerts/" + acknowledgedAlert + "/acknowledgement").body())
        .get("acknowledgedAt")).as("repeating it changes nothing").isEqualTo(json(ack.body()).get("acknowledgedAt"));

    CLOCK.advance(Duration.ofMinutes(16));
    List<JsonNode> escalations = awaitAlerts(ignored, 2);
    assertThat(escalations.get(0).get("type").asString()).isEqualTo("ESCALATED");
    assertThat(escalations.get(0).get("audience").toString()).contains("HEAD_OF_SERVICE");
    assertThat(escalations.get(0).get("escalationOf").asString()).isEqualTo(ignoredAlert);

    escalationLoop.stop();
    escalationLoop.start();
    CLOCK.advance(Duration.ofMinutes(16));
    // A later urgent alert for the same key, escalated too, proves the loop has passed over both since the restart.
    String marker = UUID.randomUUID().toString();
    send(contactOpened(marker, "MARF-2026-300004", List.of("RE_REFERRAL")));
    awaitAlerts(marker, 1);
    CLOCK.advance(Duration.ofMinutes(16));
    awaitAlerts(marker, 2);
    assertThat(get("/api/v1/alerts?size=100&referralId=" + ignored).body()).satisfies(body ->
        assertThat(json(body).get("alerts")).hasSize(2));
    assertThat(json(get("/api/v1/alerts?size=100&referralId=" + acknowledged).body()).get("alerts")).hasSize(1);
  }

  @Test
  @DisplayName("the stream resumes after Last-Event-ID without loss")
  void resume() throws Exception {
    String first = UUID.randomUUID().toString();
    String second = UUID.randomUUID().toString();
    send(contactOpened(first, "MARF-2026-300005", List.of("IMMEDIATE_RISK")));
    String firstAlert = awaitAlerts(first, 1).get(0).get("alertId").asString();
    send(contactOpened(second, "MARF-2026-300006", List.of("IMMEDIATE_RISK")));
    awaitAlerts(second, 1);

    BlockingQueue<String> resumed = connectStream(firstAlert);
    awaitStreamed(resumed, "URGENT_CONTACT", second);
  }

  @Test
  @DisplayName("the metrics pass `promtool check metrics` once an alert is raised, delivered and acknowledged")
  void metricsPassPromtool() throws Exception {
    String referralId = UUID.randomUUID().toString();
    send(contactOpened(referralId, "MARF-2026-300007", List.of("IMMEDIATE_RISK")));
    String alertId = awaitAlerts(referralId, 1).get(0).get("alertId").asString();
    assertThat(post("/api/v1/alerts/" + alertId + "/acknowledgement").statusCode()).isEqualTo(200);
    HttpResponse<String> scraped = scrape();
    assertThat(scraped.body()).contains("mash_alerts_raised_total{", "mash_alert_time_to_acknowledge_seconds");
    Promtool.assertCleanMetrics(scraped.body(), "notification-service");
  }

  // ---- helpers -------------------------------------------------------------------------------------------------

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static GreenMail startSmtp() {
    GreenMail mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    return mail;
  }

  static List<MimeMessage> messagesAbout(String reference) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      if (message.getSubject().contains(reference)) {
        found.add(message);
      }
    }
    return found;
  }

  /** Lines of the SSE stream as they arrive. */
  BlockingQueue<String> connectStream(String lastEventId) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/api/v1/alerts/stream")).header("Authorization", "Bearer " + MANAGER).header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
        .thenAccept(response -> response.body().forEach(lines::add));
    return lines;
  }

  /** Waits for a stream event of {@code type} about {@code referralId}; returns its id (the alert id). */
  static String awaitStreamed(BlockingQueue<String> lines, String type, String referralId) throws Exception {
    String id = null;
    String event = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(200, TimeUnit.MILLISECONDS);
      if (line == null) {
        continue;
      }
      if (line.startsWith("id:")) {
        id = line.substring(3).strip();
      } else if (line.startsWith("event:")) {
        event = line.substring(6).strip();
      } else if (line.startsWith("data:") && type.equals(event) && line.contains(referralId)) {
        return id;
      }
    }
    throw new AssertionError("no " + type + " for " + referralId + " on the stream");
  }

  static EventEnvelope contactOpened(String referralId, String reference, List<String> reasons) {
    return NotificationServiceIT.contactOpened(referralId, reference, true, reasons);
  }

  static void send(EventEnvelope event) throws Exception {
    producer.send(new ProducerRecord<>(Topics.TRIAGE_EVENTS, event.subject(), EventJson.write(event))).get();
  }

  List<JsonNode> awaitAlerts(String referralId, int count) throws Exception {
    List<JsonNode> alerts = new ArrayList<>();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      alerts.clear();
      json(get("/api/v1/alerts?size=100&referralId=" + referralId).body()).get("alerts").forEach(alerts::add);
      assertThat(alerts).hasSize(count);
    });
    return alerts;
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + MANAGER).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> scrape() throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
        .header("Authorization", TestTokens.metricsBearer()).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + MANAGER).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(String body) {
    return EventJson.mapper().readTree(body);
  }
}
