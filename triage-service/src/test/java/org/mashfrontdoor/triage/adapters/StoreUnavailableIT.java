package org.mashfrontdoor.triage.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.inbox.EventConsumerErrorHandling;
import org.mashfrontdoor.platform.testsupport.CuttableProxy;
import org.mashfrontdoor.platform.testsupport.EmbeddedInfrastructure;
import org.mashfrontdoor.platform.testsupport.TestHttp;
import org.mashfrontdoor.platform.testsupport.TestKafka;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Triage reaches its store through a proxy the test can cut. With the store away, staff get 503 with Retry-After
 * within seconds (platform's store timeout), not a request hanging for the driver's 30 s or a 500; with the store
 * back, the same read succeeds. Referrals that arrive meanwhile wait, a poll at a time, and only a bad one among them
 * is dead-lettered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.config.name=triage-service", "mash.store.timeout=PT1S", "mash.consumer.max-backoff=PT1S"})
@DirtiesContext // its store goes away with the proxy: close the context rather than leave it retrying
@DisplayName("triage-service when its store is unavailable")
class StoreUnavailableIT {

  static final String DATABASE = EmbeddedInfrastructure.get().freshDatabaseName("TriageStoreUnavailableIT");
  static final CuttableProxy proxy = CuttableProxy.to(EmbeddedInfrastructure.get().mongoUri());

  @DynamicPropertySource
  static void store(DynamicPropertyRegistry properties) {
    proxy.registerAsStore(properties, DATABASE, "triage-store-unavailable-it");
  }


  @AfterAll
  static void closeProxy() throws IOException {
    proxy.close();
  }

  @Value("${local.server.port}")
  int port;

  final String manager = TestTokens.staff("mgr-store", "MASH_MANAGER").mint();
  final String worker = TestTokens.staff("sw-store", "MASH_SOCIAL_WORKER").mint();

  HttpResponse<String> queue() throws Exception {
    return TestHttp.on(port).get("/api/v1/triage/queue", manager);
  }

  @Autowired
  KafkaListenerEndpointRegistry listeners;

  @Autowired
  MeterRegistry meters;

  double waits() {
    return meters.get(EventConsumerErrorHandling.INFRASTRUCTURE_WAITS).counter().count();
  }

  @Test
  void a_poll_that_meets_the_store_away_waits_then_opens_its_referrals_and_dead_letters_only_the_bad_one()
      throws Exception {
    MessageListenerContainer referralEvents = listeners.getListenerContainers().stream()
        .filter(c -> List.of(c.getContainerProperties().getTopics()).contains(Topics.REFERRAL_EVENTS))
        .findFirst().orElseThrow();
    Instant now = Instant.now();
    String key = UUID.randomUUID().toString();
    String first = UUID.randomUUID().toString();
    String bad = UUID.randomUUID().toString();
    String badEvent = TriageServiceIT.referralReceived(bad, now, now.plus(Duration.ofHours(24)), null, false, null,
        "MARF", List.of());
    String last = UUID.randomUUID().toString();
    // Paused while they are sent, so they come in one poll: good, bad, good, all on one partition.
    referralEvents.pause();
    await().atMost(Duration.ofSeconds(30)).until(referralEvents::isContainerPaused);
    try (KafkaProducer<String, String> producer = TestKafka.producer();
        KafkaConsumer<String, String> deadLetters =
            TestKafka.consumer(Topics.REFERRAL_EVENTS + Topics.DEAD_LETTER_SUFFIX)) {
      for (String event : List.of(TriageServiceIT.referralReceived(first, now, false, null), badEvent,
          TriageServiceIT.referralReceived(last, now, false, null))) {
        producer.send(new ProducerRecord<>(Topics.REFERRAL_EVENTS, key, event));
      }
      producer.flush(); // once, so they go in one producer batch: one fetch brings them all
      proxy.cut();
      double before = waits();
      referralEvents.resume();
      await().atMost(Duration.ofSeconds(60)).until(() -> waits() >= before + 2);
      proxy.restore();

      for (String opened : List.of(first, last)) {
        await().atMost(Duration.ofSeconds(60)).until(() -> read(opened).statusCode() == 200);
      }
      assertThat(read(bad).statusCode()).isEqualTo(404);
      List<String> dead = new ArrayList<>();
      String badId = EventJson.read(badEvent).id();
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        deadLetters.poll(Duration.ofMillis(200)).forEach(r -> dead.add(EventJson.read(r.value()).subject()));
        return dead.contains(bad);
      });
      deadLetters.poll(Duration.ofMillis(500)).forEach(r -> dead.add(EventJson.read(r.value()).subject()));
      assertThat(dead).as("only the bad one, " + badId).contains(bad).doesNotContain(first, last);
    } finally {
      proxy.restore();
      referralEvents.resume();
    }
  }

  HttpResponse<String> read(String referralId) throws Exception {
    return TestHttp.on(port).get("/api/v1/triage/" + referralId + "?purpose=MASH%20screening", worker);
  }

  @Test
  void answers_503_with_retry_after_in_seconds_and_serves_again_once_the_store_is_back() throws Exception {
    assertThat(queue().statusCode()).isEqualTo(200);

    proxy.cut();
    long started = System.nanoTime();
    HttpResponse<String> refused = queue();
    long tookMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(tookMillis).as("answered within the store timeout, not hung").isLessThan(10_000);

    proxy.restore();
    assertThat(queue().statusCode()).isEqualTo(200);
  }
}
