package org.mashfrontdoor.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.testsupport.EmbeddedInfrastructure;
import org.mashfrontdoor.platform.testsupport.MutableClock;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;

@WithEmbeddedInfrastructure
@DisplayName("Outbox backlog gauges, over the real embedded store and broker")
class OutboxBacklogGaugesIT {

  static MongoClient mongo;
  static KafkaProducer<String, String> producer;

  final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
  final MeterRegistry meters = new SimpleMeterRegistry();
  OutboxRelay relay;
  OutboxedCollection contacts;

  @BeforeAll
  static void connect() {
    EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.get();
    mongo = MongoClients.create(infrastructure.mongoUri());
    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        infrastructure.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new StringSerializer());
  }

  @AfterAll
  static void disconnect() {
    producer.close();
    mongo.close();
  }

  @BeforeEach
  void freshStore() {
    relay = new OutboxRelay(mongo.getDatabase(EmbeddedInfrastructure.get().freshDatabaseName("Backlog")), clock, 100);
    contacts = relay.register("contacts", "backlogtest");
  }

  double gauge(String name) {
    return meters.get(name).gauge().value();
  }

  EventEnvelope event(String referralId) {
    return EventEnvelope.create("/test", "test.raised.v1", referralId, clock.instant(), Map.of("referralId", referralId));
  }

  @Test
  void a_pending_event_shows_in_the_backlog_and_ages_until_it_is_published() {
    OutboxBacklogGauges.register(meters, relay, true, clock, Duration.ZERO);
    assertThat(gauge(OutboxBacklogGauges.BACKLOG)).isZero();
    assertThat(gauge(OutboxBacklogGauges.OLDEST_PENDING_AGE)).isZero();

    contacts.insert(new Document("_id", "ref-1"), List.of(event("ref-1"), event("ref-1")), null);
    clock.advance(Duration.ofSeconds(90));
    assertThat(gauge(OutboxBacklogGauges.BACKLOG)).as("raised, still in the aggregate").isEqualTo(2);
    assertThat(gauge(OutboxBacklogGauges.OLDEST_PENDING_AGE)).isEqualTo(90);

    relay.relayPending();
    assertThat(gauge(OutboxBacklogGauges.BACKLOG)).as("relayed, not yet acknowledged by Kafka").isEqualTo(2);

    OutboxPublisher publisher = new OutboxPublisher(relay.outbox(), producer, clock, 100, Duration.ofSeconds(30),
        meters);
    assertThat(publisher.publishBatch()).isEqualTo(2);
    assertThat(gauge(OutboxBacklogGauges.BACKLOG)).isZero();
    assertThat(gauge(OutboxBacklogGauges.OLDEST_PENDING_AGE)).isZero();
  }

  @Test
  void in_debezium_mode_only_events_still_in_aggregates_count() {
    OutboxBacklogGauges.register(meters, relay, false, clock, Duration.ZERO);
    contacts.insert(new Document("_id", "ref-2"), List.of(event("ref-2")), null);
    assertThat(gauge(OutboxBacklogGauges.BACKLOG)).isEqualTo(1);

    relay.relayPending();
    assertThat(gauge(OutboxBacklogGauges.BACKLOG)).as("the connector publishes from here").isZero();
  }

  @Test
  void the_store_is_read_at_most_once_per_refresh_interval() {
    OutboxBacklogGauges.register(meters, relay, true, clock, Duration.ofHours(1));
    assertThat(gauge(OutboxBacklogGauges.BACKLOG)).isZero();

    contacts.insert(new Document("_id", "ref-3"), List.of(event("ref-3")), null);
    clock.advance(Duration.ofSeconds(30));
    assertThat(gauge(OutboxBacklogGauges.BACKLOG)).as("the cached snapshot").isZero();
  }
}
