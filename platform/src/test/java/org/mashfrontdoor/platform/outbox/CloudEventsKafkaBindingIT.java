package org.mashfrontdoor.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.testsupport.EmbeddedInfrastructure;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;

/**
 * Our records, as {@link OutboxPublisher} puts them on a real broker, read by the official CloudEvents Java SDK's
 * Kafka binding (ADR 0013): it picks structured mode from the {@code content-type} header alone, so a record
 * without it would come back as a binary-mode event with no attributes and fail here.
 */
@WithEmbeddedInfrastructure
@DisplayName("Our Kafka records are CloudEvents to the CloudEvents SDK's Kafka binding")
class CloudEventsKafkaBindingIT {

  @Test
  @DisplayName("the SDK reads every attribute and the data of a published event, and our id/type headers stay")
  void theSdkReadsOurRecordsAsStructuredModeCloudEvents() throws Exception {
    EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.get();
    String aggregateType = "cloudevents" + UUID.randomUUID().toString().substring(0, 8);
    String referralId = UUID.randomUUID().toString();
    Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    EventEnvelope event = EventEnvelope.create("/mash/triage-service", "triage.contact-opened.v1", referralId, time,
        Map.of("referralId", referralId, "urgent", true));

    try (MongoClient mongo = MongoClients.create(infrastructure.mongoUri());
        KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()),
            new StringSerializer(), new StringSerializer());
        KafkaConsumer<String, CloudEvent> sdk = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "cloudevents-sdk", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(), new CloudEventDeserializer())) {
      OutboxRelay relay = new OutboxRelay(
          mongo.getDatabase(infrastructure.freshDatabaseName("CloudEventsKafkaBindingIT")), Clock.systemUTC(), 100);
      OutboxedCollection contacts = relay.register("contacts", aggregateType);
      contacts.insert(new Document("_id", referralId), List.of(event), null);
      relay.relayPending();
      assertThat(new OutboxPublisher(relay.outbox(), producer, 100, Duration.ofSeconds(10),
          new SimpleMeterRegistry()).publishBatch()).isEqualTo(1);

      sdk.subscribe(List.of(Topics.forAggregateType(aggregateType)));
      List<ConsumerRecord<String, CloudEvent>> records = new ArrayList<>();
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        sdk.poll(Duration.ofMillis(200)).forEach(records::add);
        return !records.isEmpty();
      });

      ConsumerRecord<String, CloudEvent> record = records.getFirst();
      CloudEvent read = record.value();
      assertThat(read.getSpecVersion().toString()).isEqualTo(EventEnvelope.SPEC_VERSION);
      assertThat(read.getId()).isEqualTo(event.id());
      assertThat(read.getType()).isEqualTo("triage.contact-opened.v1");
      assertThat(read.getSource().toString()).isEqualTo("/mash/triage-service");
      assertThat(read.getSubject()).isEqualTo(referralId).isEqualTo(record.key());
      assertThat(read.getTime().toInstant()).isEqualTo(time);
      assertThat(read.getDataContentType()).isEqualTo(EventEnvelope.JSON);
      assertThat(read.getData()).isNotNull();
      assertThat(EventJson.mapper().readTree(read.getData().toBytes())).isEqualTo(event.data());
      // Kept beside the binding's header: Debezium's router writes them and operators' tools filter on them.
      assertThat(new String(record.headers().lastHeader("id").value(), StandardCharsets.UTF_8)).isEqualTo(event.id());
      assertThat(new String(record.headers().lastHeader("type").value(), StandardCharsets.UTF_8))
          .isEqualTo(event.type());
    }
  }
}
