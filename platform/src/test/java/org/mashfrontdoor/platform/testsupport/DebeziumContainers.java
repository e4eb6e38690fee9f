package org.mashfrontdoor.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.mashfrontdoor.platform.events.EventJson;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.JsonNode;

/**
 * Production's publishing path in Docker, for the Testcontainers suites: a MongoDB replica set, a KRaft broker and a
 * Debezium Kafka Connect worker on one network, and the outbox connector registered from its file unchanged (its
 * {@code ${env:...}} placeholder resolved by the worker's env config provider, as in production). A suite holds one
 * as a static {@code @Container} field.
 */
public final class DebeziumContainers implements Startable {

  /** The parent pom's debezium.version; override with -Dmash.debezium.connect.image to try another. */
  public static final String CONNECT_IMAGE = System.getProperty("mash.debezium.connect.image",
      "quay.io/debezium/connect:3.6.1.Final");
  public static final String CONNECTION_STRING_VARIABLE = "MASH_OUTBOX_MONGODB_CONNECTION_STRING";

  private final Network network = Network.newNetwork();
  public final MongoDBContainer mongo = mongoReplicaSet(network);
  public final KafkaContainer kafka = kafka(network);
  public final GenericContainer<?> connect = connect(network, mongo, kafka);

  /** Connect depends on the store and the broker: starting it starts them first. */
  @Override
  public void start() {
    connect.start();
  }

  @Override
  public void stop() {
    connect.stop();
    kafka.stop();
    mongo.stop();
    network.close();
  }

  /** Registers the connector in {@code file} on this worker and waits until its task runs. */
  public void register(Path file) throws Exception {
    register(connect, file);
  }

  /** Host name "mongo", so that the replica set member it announces resolves inside the network. */
  static MongoDBContainer mongoReplicaSet(Network network) {
    return new MongoDBContainer("mongo:8").withReplicaSet()
        .withNetwork(network).withNetworkAliases("mongo")
        .withCreateContainerCmdModifier(cmd -> cmd.withHostName("mongo"));
  }

  /** A KRaft broker reachable as kafka:19092 inside the network (and from the host on its mapped port). */
  static KafkaContainer kafka(Network network) {
    return new KafkaContainer("apache/kafka:4.1.0")
        .withNetwork(network).withNetworkAliases("kafka").withListener("kafka:19092");
  }

  static GenericContainer<?> connect(Network network, MongoDBContainer mongo, KafkaContainer kafka) {
    return new GenericContainer<>(CONNECT_IMAGE)
        .withNetwork(network)
        .dependsOn(mongo, kafka)
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
  }

  /** Registers the connector in {@code file} and waits until its task runs (its change streams are open). */
  static void register(GenericContainer<?> connect, Path file) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://" + connect.getHost() + ":" + connect.getMappedPort(8083) + "/connectors";
    String body = Files.readString(file);
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String name = EventJson.mapper().readTree(body).get("name").asString();
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      String status = http.send(HttpRequest.newBuilder(URI.create(base + "/" + name + "/status")).GET().build(),
          HttpResponse.BodyHandlers.ofString()).body();
      JsonNode tasks = EventJson.mapper().readTree(status).path("tasks");
      assertThat(tasks.isEmpty()).as(status).isFalse();
      assertThat(tasks.get(0).path("state").asString()).as(status).isEqualTo("RUNNING");
    });
  }
}
