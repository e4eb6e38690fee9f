package org.mashfrontdoor.intake.adapters.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.intake.application.NotifyingPartners;
import org.mashfrontdoor.intake.adapters.SampleMarfs;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.testsupport.EmbeddedInfrastructure;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

@WithEmbeddedInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.config.name=referral-intake",
    "mash.intake.webhooks.allow-loopback-http=true",
    "mash.intake.webhooks.poll-interval=PT0.1S",
    "mash.intake.webhooks.settle=PT0.2S",
    "mash.intake.webhooks.first-retry=PT0.1S",
    "mash.intake.webhooks.longest-wait=PT0.2S",
    "mash.intake.webhooks.connect-timeout=PT1S",
    "mash.intake.webhooks.request-timeout=PT2S"})
@DisplayName("referral-intake partner webhooks: signed, retried, never blocking intake")
class PartnerWebhooksIT {

  static final String MARF = SampleMarfs.SCHOOL_CONCERN;

  /** What a partner's receiver got: headers of interest and the raw body. */
  record Received(String signature, String deliveryId, String timestamp, String body) {
    JsonNode json() {
      return EventJson.mapper().readTree(body);
    }
  }

  /** A partner's receiver: answers each delivery's n-th attempt with {@code answer(n)}; -1 means never answer. */
  static final class Receiver {
    final List<Received> received = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    volatile IntUnaryOperator answer = attempt -> 204;

    List<Received> milestone(String milestone) {
      return received.stream().filter(r -> r.json().get("milestone").asString().equals(milestone)).toList();
    }
  }

  static HttpServer server;
  static final Map<String, Receiver> receivers = new ConcurrentHashMap<>();
  static final CountDownLatch releaseHungReceivers = new CountDownLatch(1);
  static KafkaProducer<String, String> triageEvents;

  @Value("${local.server.port}")
  int port;

  @Autowired
  MongoDatabase database;

  @Autowired
  NotifyingPartners notifyingPartners;

  @Autowired
  MongoWebhookDeliveries webhookDeliveries;

  @Autowired
  WebhookDispatcher dispatcher;

  @Autowired
  Clock clock;

  @Autowired
  MeterRegistry meters;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void receiverAndBroker() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", PartnerWebhooksIT::receive);
    server.start();
    triageEvents = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        EmbeddedInfrastructure.get().kafkaBootstrapServers()), new StringSerializer(), new StringSerializer());
  }

  @AfterAll
  static void stop() {
    releaseHungReceivers.countDown();
    server.stop(0);
    triageEvents.close();
  }

  static void receive(HttpExchange exchange) throws IOException {
    Receiver receiver = receivers.get(exchange.getRequestURI().getPath());
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    var headers = exchange.getRequestHeaders();
    String deliveryId = headers.getFirst("X-MASH-Delivery");
    receiver.received.add(new Received(headers.getFirst("X-MASH-Signature"), deliveryId,
        headers.getFirst("X-MASH-Timestamp"), body));
    int status = receiver.answer.applyAsInt(
        receiver.attempts.computeIfAbsent(deliveryId, id -> new AtomicInteger()).incrementAndGet());
    if (status < 0) {
      try {
        releaseHungReceivers.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      status = 204;
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  /** A new partner with a receiver of its own; returns its secret. */
  String subscribe(String partner, Receiver receiver) throws Exception {
    receivers.put("/" + partner, receiver);
    HttpResponse<String> response = send("PUT", "/api/v1/webhook", partner,
        "{\"url\":\"http://127.0.0.1:" + server.getAddress().getPort() + "/" + partner + "\"}");
    assertThat(response.statusCode()).isEqualTo(201);
    return EventJson.mapper().readTree(response.body()).get("secret").asString();
  }

  HttpResponse<String> send(String method, String path, String partner, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (partner != null) {
      request.header("Authorization", token(partner));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  String submit(String partner) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/referrals"))
        .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
        .header("Authorization", token(partner)).POST(HttpRequest.BodyPublishers.ofString(MARF)).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(202);
    return EventJson.mapper().readTree(response.body()).get("referralId").asString();
  }

  void decide(String referralId, String outcome) {
    sendTriageEvent("triage.contact-opened.v1", referralId, Map.of("referralId", referralId));
    sendTriageEvent("triage.decision-recorded.v1", referralId, Map.of("referralId", referralId,
        "outcome", outcome, "levelOfNeed", 2, "decidedAt", "2026-11-23T10:00:00Z",
        "adviceToReferrer", ADVICE));
  }

  /** What the MASH advises the referrer in every decision here. */
  static final String ADVICE = "Keep the family support offer open and tell the lead professional of new worries.";

  void sendTriageEvent(String type, String referralId, Object data) {
    EventEnvelope event = new EventEnvelope("1.0", UUID.randomUUID().toString(), "/mash/triage-service", type,
        referralId, Instant.now(), "application/json", EventJson.mapper().valueToTree(data));
    triageEvents.send(new ProducerRecord<>(Topics.TRIAGE_EVENTS, referralId, EventJson.write(event)));
    triageEvents.flush();
  }

  List<Document> deliveriesOf(String partner) {
    return database.getCollection("webhookDeliveries").find(Filters.eq("partnerId", partner)).into(new java.util.ArrayList<>());
  }

  /** The partner system's client-credentials token: its client id is the partner id. */
  static String token(String partner) {
    return TestTokens.bearer(TestTokens.partner(partner, "SCHOOL", "Bishop's Oak Primary", "referral:submit",
        "referral:read").mint());
  }

  static String partner() {
    return "school-it-" + UUID.randomUUID();
  }

  @Test
  void a_decided_referrals_partner_receives_the_decision_signed_with_its_secret_and_without_personal_data()
      throws Exception {
    String partner = partner();
    Receiver receiver = new Receiver();
    String secret = subscribe(partner, receiver);
    String referralId = submit(partner);

    decide(referralId, "EARLY_HELP");

    await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.milestone("DECIDED").isEmpty());
    Received decided = receiver.milestone("DECIDED").getFirst();
    byte[] body = decided.body().getBytes(StandardCharsets.UTF_8);
    assertThat(decided.signature()).isEqualTo(WebhookPayload.signature(secret, decided.timestamp(), body));
    assertThat(decided.signature()).isNotEqualTo(WebhookPayload.signature("another secret", decided.timestamp(),
        body));
    // The timestamp is signed: a replay with a fresh timestamp does not verify.
    assertThat(decided.signature()).isNotEqualTo(WebhookPayload.signature(secret, "2030-01-01T00:00:00Z", body));
    assertThat(decided.timestamp()).isNotBlank();
    JsonNode payload = decided.json();
    assertThat(payload.get("deliveryId").asString()).isEqualTo(decided.deliveryId());
    assertThat(payload.get("referralId").asString()).isEqualTo(referralId);
    assertThat(payload.get("reference").asString()).startsWith("MARF-");
    assertThat(payload.get("status").asString()).isEqualTo("DECIDED");
    assertThat(payload.get("outcome").asString()).isEqualTo("EARLY_HELP");
    assertThat(payload.get("whatHappensNext").asString()).contains("early help");
    assertThat(payload.get("at").asString()).isEqualTo("2026-11-23T10:00:00Z");
    assertThat(payload.get("adviceToReferrer").asString()).as("the decision's advice, for the referrer")
        .isEqualTo(ADVICE);
    assertThat(decided.body()).doesNotContain("Ava", "Marsh", "hungry", "HR4", "9434765919");
    await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.milestone("RECEIVED").isEmpty()
        && !receiver.milestone("IN_TRIAGE").isEmpty());
    await().atMost(Duration.ofSeconds(10)).until(() -> deliveriesOf(partner).stream()
        .allMatch(d -> d.getString("status").equals("DELIVERED")));
    assertThat(deliveriesOf(partner)).hasSize(3);
  }

  @Test
  void a_later_step_of_the_case_reaches_the_partner_as_its_own_milestone_without_its_outcome() throws Exception {
    String partner = partner();
    Receiver receiver = new Receiver();
    subscribe(partner, receiver);
    String referralId = submit(partner);
    decide(referralId, "SINGLE_ASSESSMENT");
    // Triage and case events travel on different topics: let the decision land first, as it would in life.
    await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.milestone("DECIDED").isEmpty());

    EventEnvelope completed = new EventEnvelope("1.0", UUID.randomUUID().toString(), "/mash/case-service",
        "case.assessment-completed.v1", referralId, Instant.now(), "application/json",
        EventJson.mapper().valueToTree(Map.of("caseId", "case-1", "referralId", referralId,
            "completedAt", "2026-12-01T12:00:00Z", "outcome", "CHILD_IN_NEED_PLAN", "onTime", true)));
    triageEvents.send(new ProducerRecord<>(Topics.CASE_EVENTS, referralId, EventJson.write(completed)));
    triageEvents.flush();

    await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.milestone("ASSESSMENT_COMPLETED").isEmpty());
    JsonNode payload = receiver.milestone("ASSESSMENT_COMPLETED").getFirst().json();
    assertThat(payload.get("referralId").asString()).isEqualTo(referralId);
    assertThat(payload.get("status").asString()).isEqualTo("DECIDED");
    assertThat(payload.get("at").asString()).isEqualTo("2026-12-01T12:00:00Z");
    assertThat(payload.toString()).doesNotContain("CHILD_IN_NEED", "case-1");
    assertThat(payload.get("adviceToReferrer").isNull()).as("the advice is told once, with the decision").isTrue();
  }

  @Test
  void a_receiver_that_fails_the_first_two_attempts_gets_the_notification_on_the_third() throws Exception {
    String partner = partner();
    Receiver receiver = new Receiver();
    receiver.answer = attempt -> attempt <= 2 ? 503 : 200;
    subscribe(partner, receiver);
    double retriedBefore = meters.get(MeteredWebhookDeliveries.FAILURES).tag("outcome", "RETRY").counter().count();

    String referralId = submit(partner);

    await().atMost(Duration.ofSeconds(30)).until(() -> deliveriesOf(partner).size() == 1
        && deliveriesOf(partner).getFirst().getString("status").equals("DELIVERED"));
    Document delivery = deliveriesOf(partner).getFirst();
    assertThat(delivery.getInteger("attempts")).isEqualTo(3);
    assertThat(delivery.getString("referralId")).isEqualTo(referralId);
    assertThat(receiver.received).hasSize(3).extracting(Received::deliveryId).containsOnly(delivery.getString("_id"));
    assertThat(receiver.received).extracting(Received::body).containsOnly(receiver.received.getFirst().body());
    // At least: another test's hanging receiver may still be failing alongside.
    assertThat(meters.get(MeteredWebhookDeliveries.FAILURES).tag("outcome", "RETRY").counter().count())
        .isGreaterThanOrEqualTo(retriedBefore + 2);
  }

  @Test
  void a_receiver_that_never_answers_does_not_slow_intake_or_other_partners() throws Exception {
    String stuck = partner();
    Receiver hanging = new Receiver();
    hanging.answer = attempt -> -1;
    subscribe(stuck, hanging);
    submit(stuck);
    await().atMost(Duration.ofSeconds(30)).until(() -> !hanging.received.isEmpty());

    for (int i = 0; i < 10; i++) {
      long started = System.nanoTime();
      submit(stuck);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }
    String other = partner();
    Receiver healthy = new Receiver();
    subscribe(other, healthy);
    String referralId = submit(other);
    await().atMost(Duration.ofSeconds(30)).until(() -> healthy.received.stream()
        .anyMatch(r -> r.json().get("referralId").asString().equals(referralId)));
  }

  @Test
  void a_partner_without_a_webhook_gets_no_deliveries() throws Exception {
    String unsubscribed = partner();
    String referralId = submit(unsubscribed);
    decide(referralId, "NO_FURTHER_ACTION");
    await().atMost(Duration.ofSeconds(30)).until(() -> send("GET", "/api/v1/referrals/" + referralId, unsubscribed, null)
        .body().contains("\"DECIDED\""));
    // A subscribed partner's later referral is notified, so the dispatcher has swept past the other's changes.
    String subscribed = partner();
    Receiver receiver = new Receiver();
    subscribe(subscribed, receiver);
    submit(subscribed);
    await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.received.isEmpty());

    assertThat(deliveriesOf(unsubscribed)).isEmpty();
  }

  @Test
  void a_new_dispatcher_carries_on_with_deliveries_a_stopped_one_left_pending() throws Exception {
    String partner = partner();
    Receiver receiver = new Receiver();
    receiver.answer = attempt -> 500;
    subscribe(partner, receiver);
    submit(partner);
    await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.received.isEmpty());
    dispatcher.stop();
    WebhookDispatcher restarted = new WebhookDispatcher(notifyingPartners, webhookDeliveries, clock,
        Duration.ofMillis(100), 100, 4);
    try {
      assertThat(deliveriesOf(partner)).singleElement()
          .satisfies(d -> assertThat(d.getString("status")).isEqualTo("PENDING"));
      receiver.answer = attempt -> 200;
      restarted.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> deliveriesOf(partner).getFirst().getString("status")
          .equals("DELIVERED"));
    } finally {
      restarted.stop();
      dispatcher.start();
    }
  }

  /** example.com's address: public, and an IP literal, since this machine resolves no names. */
  static final String PUBLIC = "https://93.184.215.14";

  @Test
  void a_webhook_may_not_point_at_private_link_local_or_metadata_addresses() throws Exception {
    String partner = partner();
    for (String url : List.of("https://10.0.0.5/hook", "https://169.254.169.254/latest/meta-data/",
        "https://192.168.1.1/hook", "https://172.20.0.1/hook", "https://100.64.0.1/hook", "https://0.0.0.0/hook",
        "https://[fd00::1]/hook", "https://[fe80::1]/hook", "https://[::ffff:10.0.0.1]/hook",
        "https://metadata.google.internal/computeMetadata/v1/", "https://no-such-host.invalid/hook")) {
      HttpResponse<String> response = send("PUT", "/api/v1/webhook", partner, "{\"url\":\"" + url + "\"}");
      assertThat(response.statusCode()).as(url).isEqualTo(400);
      assertThat(response.body()).as(url).contains("\"/url\"");
    }
  }

  @Test
  void registering_validates_the_url_and_never_shows_the_secret_again() throws Exception {
    String partner = partner();
    for (String url : List.of("http://example.org/hook", "ftp://example.org/hook", "https://user:pw@example.org/",
        "not a url", "https://example.org/" + "x".repeat(2048))) {
      HttpResponse<String> response = send("PUT", "/api/v1/webhook", partner, "{\"url\":\"" + url + "\"}");
      assertThat(response.statusCode()).as(url).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          v -> assertThat(v).startsWith("application/problem+json"));
      assertThat(response.body()).as(url).contains("\"/url\"");
    }
    assertThat(send("PUT", "/api/v1/webhook", partner, "{\"url\":\"https://example.org/hook\",\"secret\":\"x\"}")
        .statusCode()).isEqualTo(400);
    assertThat(send("PUT", "/api/v1/webhook", partner, "{}").body()).contains("\"/url\"");
    // Read as strictly as a MARF: a repeated key is refused (not last-wins), a number is not a URL string.
    for (String body : List.of("{\"url\":\"https://example.org/a\",\"url\":\"https://example.org/b\"}",
        "{\"url\":42}", "{\"url\":[\"https://example.org/a\"]}")) {
      HttpResponse<String> refused = send("PUT", "/api/v1/webhook", partner, body);
      assertThat(refused.statusCode()).as(body).isEqualTo(400);
      assertThat(refused.body()).as(body).contains("\"/url\"");
    }
    assertThat(send("PUT", "/api/v1/webhook", null, "{\"url\":\"https://example.org/hook\"}").statusCode())
        .isEqualTo(401);

    // A public address (an IP literal: this machine has no DNS); a name that does not resolve is refused.
    HttpResponse<String> created = send("PUT", "/api/v1/webhook", partner, "{\"url\":\"" + PUBLIC + "/hook\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    String secret = EventJson.mapper().readTree(created.body()).get("secret").asString();
    assertThat(secret).hasSize(64);
    HttpResponse<String> shown = send("GET", "/api/v1/webhook", partner, null);
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.body()).contains(PUBLIC + "/hook").doesNotContain(secret).doesNotContain("secret");
    database.getCollection(MongoWebhooks.COLLECTION).find().forEach(stored -> assertThat(stored.toJson())
        .as("the store keeps signing secrets sealed, never in clear").doesNotContain(secret)
        .contains("\"secret\": \"sealed:v1:"));
    HttpResponse<String> replaced = send("PUT", "/api/v1/webhook", partner, "{\"url\":\"" + PUBLIC + "/new\"}");
    assertThat(replaced.statusCode()).isEqualTo(200);
    assertThat(EventJson.mapper().readTree(replaced.body()).get("secret").asString()).isNotEqualTo(secret);

    assertThat(send("DELETE", "/api/v1/webhook", partner, null).statusCode()).isEqualTo(204);
    assertThat(send("GET", "/api/v1/webhook", partner, null).statusCode()).isEqualTo(404);
    assertThat(send("DELETE", "/api/v1/webhook", partner, null).statusCode()).isEqualTo(404);
  }
}
