package org.mashfrontdoor.platform.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.debezium.OutboxConnectorConfig;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.mashfrontdoor.platform.outbox.OutboxedCollection;
import org.mashfrontdoor.platform.testsupport.DebeziumContainers;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The production publishing path ({@code mash.outbox.mode=debezium}): a real MongoDB replica set, a real KRaft
 * broker and a real Debezium Kafka Connect worker, with the connector registered from
 * {@code deploy/debezium/outbox-connector.json} unchanged (its {@code ${env:...}} placeholder resolved by the
 * worker's env config provider, as in production). Our relay writes the outbox record; Debezium publishes it.
 * Skipped where there is no Docker engine; {@code MongoEventRouterFormatIT} proves the format everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class DebeziumOutboxOnRealInfrastructureIT {

  @Container
  static final DebeziumContainers DOCKER = new DebeziumContainers();

  @Test
  @DisplayName("an outbox record relayed into referral_intake.outbox is published by Debezium to mash.referral.events")
  void debeziumPublishesTheRelayedOutboxRecord() throws Exception {
    TopicReader.createTopic(DOCKER.kafka.getBootstrapServers(), Topics.REFERRAL_EVENTS);
    DOCKER.register(OutboxConnectorConfig.FILE);

    try (MongoClient client = MongoClients.create(
        DOCKER.mongo.getReplicaSetUrl("referral_intake") + "?directConnection=true")) {
      MongoDatabase database = client.getDatabase("referral_intake");
      Clock clock = Clock.systemUTC();
      // Debezium mode: the relay inserts into the outbox collection and deletes at once; nothing in-process
      // publishes. The change stream still carries the insert.
      OutboxRelay relay = new OutboxRelay(database, clock, 100, true);
      OutboxedCollection referrals = relay.register("referrals", "referral");
      String referralId = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
      EventEnvelope received = EventEnvelope.create("/mash/referral-intake", "referral.received.v1", referralId,
          clock.instant(), Map.of("referralId", referralId, "reference", "MASH-000888", "referralType", "MARF"));
      assertThat(referrals.insert(new Document("_id", referralId), List.of(received), null))
          .isEqualTo(OutboxedCollection.Write.APPLIED);
      assertThat(relay.relayPending()).isEqualTo(1);

      ConsumerRecord<String, String> record = TopicReader.awaitEvent(DOCKER.kafka.getBootstrapServers(),
          Topics.REFERRAL_EVENTS, received.id(), Duration.ofMinutes(2));
      assertThat(record.key()).isEqualTo(referralId);
      assertThat(TopicReader.header(record, "type")).isEqualTo("referral.received.v1");
      assertThat(TopicReader.header(record, EventEnvelope.CONTENT_TYPE_HEADER)).isEqualTo(EventEnvelope.STRUCTURED_JSON);
      assertThat(record.value()).isEqualTo(EventJson.write(received));
      assertThat(EventJson.read(record.value())).isEqualTo(received);
      assertThat(database.getCollection(OutboxRelay.OUTBOX).countDocuments()).isZero();
    }
  }
}
