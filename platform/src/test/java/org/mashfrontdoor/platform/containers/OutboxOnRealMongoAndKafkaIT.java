package org.mashfrontdoor.platform.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.outbox.OutboxLoop;
import org.mashfrontdoor.platform.outbox.OutboxProperties;
import org.mashfrontdoor.platform.outbox.OutboxPublisher;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.mashfrontdoor.platform.outbox.OutboxedCollection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The in-process outbox ({@code mash.outbox.mode=kafka}) against a real MongoDB replica set and a real KRaft
 * Kafka broker: majority/journaled writes, the relay and the publisher as production runs them. Skipped where
 * there is no Docker engine; the embedded-infrastructure tests cover the same code everywhere else.
 */
@Testcontainers(disabledWithoutDocker = true)
class OutboxOnRealMongoAndKafkaIT {

  @Container
  static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8").withReplicaSet();

  @Container
  static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

  private MongoClient client;
  private Producer<String, String> producer;
  private OutboxLoop loop;

  @BeforeEach
  void connect() {
    // Direct connection: the replica set member's own host name is not resolvable from the test JVM.
    client = MongoClients.create(MONGO.getReplicaSetUrl("referral_intake") + "?directConnection=true");
    producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
  }

  @AfterEach
  void disconnect() {
    if (loop != null) {
      loop.stop();
    }
    producer.close();
    client.close();
  }

  @Test
  @DisplayName("a referral written through OutboxedCollection reaches mash.referral.events keyed by referral id")
  void aggregateWrittenThroughTheOutboxArrivesOnItsTopic() throws Exception {
    TopicReader.createTopic(KAFKA.getBootstrapServers(), Topics.REFERRAL_EVENTS);
    MongoDatabase database = client.getDatabase("referral_intake");
    Clock clock = Clock.systemUTC();
    OutboxProperties properties = new OutboxProperties(null, Duration.ofMillis(100), null, null, null);
    OutboxRelay relay = new OutboxRelay(database, clock, properties.batchSize());
    OutboxedCollection referrals = relay.register("referrals", "referral");
    OutboxPublisher publisher = new OutboxPublisher(relay.outbox(), producer, properties.batchSize(),
        properties.sendTimeout(), new SimpleMeterRegistry());
    loop = new OutboxLoop(relay, publisher, properties);
    loop.start();

    String referralId = "5b6c7d8e-9f01-4a23-b456-789abcdef012";
    EventEnvelope received = EventEnvelope.create("/mash/referral-intake", "referral.received.v1", referralId,
        clock.instant(), Map.of("referralId", referralId, "reference", "MASH-000777", "referralType", "MARF"));
    assertThat(referrals.insert(new Document("_id", referralId).append("reference", "MASH-000777"),
        List.of(received), null)).isEqualTo(OutboxedCollection.Write.APPLIED);

    ConsumerRecord<String, String> record = TopicReader.awaitEvent(KAFKA.getBootstrapServers(),
        Topics.REFERRAL_EVENTS, received.id(), Duration.ofSeconds(60));
    assertThat(record.key()).isEqualTo(referralId);
    assertThat(TopicReader.header(record, "type")).isEqualTo("referral.received.v1");
    assertThat(EventJson.read(record.value())).isEqualTo(received);

    // Gone from the aggregate once the broker acknowledged it; never copied into the outbox collection.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(referrals.find(referralId).orElseThrow()
        .getList(OutboxedCollection.PENDING_EVENTS, Document.class)).isEmpty());
    assertThat(relay.outbox().countDocuments(Filters.eq("_id", received.id()))).isZero();
  }
}
