package org.mashfrontdoor.platform.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The production publishing path ({@code mash.outbox.mode=debezium}): a real MongoDB replica set, a real KRaft
 * broker and a real Debezium Kafka Connect worker, with the connector registered from
 * {@code deploy/debezium/outbox-connector.json} unchanged (its {@code ${env:...}} placeholder resolved by the
 * worker's env config provider, as in production). Our relay writes the outbox record; Debezium publishes it.
 * Skipped where there is no Docker engine; {@code MongoEventRouterFormatTest} proves the format everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class DebeziumOutboxOnRealInfrastructureTest {

  /** The Connect image matching the Debezium version we test the router with; override to try another. */
  private static final String CONNECT_IMAGE = System.getProperty("mash.debezium.connect.image",
      "quay.io/debezium/connect:" + io.debezium.connector.mongodb.Module.version());
  private static final String CONNECTION_STRING_VARIABLE = "MASH_OUTBOX_MONGODB_CONNECTION_STRING";

  static final Network NETWORK = Network.newNetwork();

  /** Host name "mongo" so that the replica set member it announces resolves inside the network. */
  @Container
  static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8").withReplicaSet()
      .withNetwork(NETWORK).withNetworkAliases("mongo")
      .withCreateContainerCmdModifier(cmd -> cmd.withHostName("mongo"));

  @Container
  static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0")
      .withNetwork(NETWORK).withNetworkAliases("kafka").withListener("kafka:19092");

  @Container
  static final GenericContainer<?> CONNECT = new GenericContainer<>(CONNECT_IMAGE)
      .withNetwork(NETWORK)
      .dependsOn(MONGO, KAFKA)
      .withExposedPorts(8083)
      .withEnv(Map.of(
          "BOOTSTRAP_SERVERS", "kafka:19092",
          "GROUP_ID", "mash-connect",
          "CONFIG_STORAGE_TOPIC", "mash_connect_configs",
          "OFFSET_STORAGE_TOPIC", "mash_connect_offsets",
          "STATUS_STORAGE_TOPIC", "mash_connect_statuses",
          "CONNECT_CONFIG_PROVIDERS", "env",
          "CONNECT_CONFIG_PROVIDERS_ENV_CLASS", "org.apache.kafka.common.config.provider.EnvVarConfigProvider",
          CONNECTION_STRING_VARIABLE, "mongodb://mongo:27017/?replicaSet=docker-rs"))
      .waitingFor(Wait.forHttp("/connectors").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(3)));

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  @DisplayName("an outbox record relayed into referral_intake.outbox is published by Debezium to mash.referral.events")
  void debeziumPublishesTheRelayedOutboxRecord() throws Exception {
    TopicReader.createTopic(KAFKA.getBootstrapServers(), Topics.REFERRAL_EVENTS);
    OutboxConnectorConfig connector = OutboxConnectorConfig.load();
    register(connector);

    try (MongoClient client = MongoClients.create(
        MONGO.getReplicaSetUrl("referral_intake") + "?directConnection=true")) {
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

      ConsumerRecord<String, String> record = TopicReader.awaitEvent(KAFKA.getBootstrapServers(),
          Topics.REFERRAL_EVENTS, received.id(), Duration.ofMinutes(2));
      assertThat(record.key()).isEqualTo(referralId);
      assertThat(TopicReader.header(record, "type")).isEqualTo("referral.received.v1");
      assertThat(TopicReader.header(record, EventEnvelope.CONTENT_TYPE_HEADER)).isEqualTo(EventEnvelope.STRUCTURED_JSON);
      assertThat(record.value()).isEqualTo(EventJson.write(received));
      assertThat(EventJson.read(record.value())).isEqualTo(received);
      assertThat(database.getCollection(OutboxRelay.OUTBOX).countDocuments()).isZero();
    }
  }

  private void register(OutboxConnectorConfig connector) throws Exception {
    String base = "http://" + CONNECT.getHost() + ":" + CONNECT.getMappedPort(8083) + "/connectors";
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Files.readString(OutboxConnectorConfig.FILE))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    // Running task = change stream open; records inserted from now on are captured.
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      String status = http.send(HttpRequest.newBuilder(URI.create(base + "/" + connector.name() + "/status"))
          .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
      var tasks = EventJson.mapper().readTree(status).path("tasks");
      assertThat(tasks.isEmpty()).as(status).isFalse();
      assertThat(tasks.get(0).path("state").asString()).as(status).isEqualTo("RUNNING");
    });
  }
}
