package org.mashfrontdoor.platform.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (KRaft, in this JVM) and one MongoDB wire-protocol server (mongo-java-server, memory
 * backend with the {@code _id} lookup of {@link PinnedIdMemoryBackend}), both on 127.0.0.1, started once per test
 * JVM and stopped when it exits.
 */
public final class EmbeddedInfrastructure {

  private static volatile EmbeddedInfrastructure instance;
  private static final AtomicInteger databases = new AtomicInteger();

  private final EmbeddedKafkaKraftBroker kafka;
  private final MongoServer mongo;
  private final InetSocketAddress mongoAddress;

  private EmbeddedInfrastructure() {
    kafka = new EmbeddedKafkaKraftBroker(1, 3);
    kafka.brokerProperties(Map.of(
        "auto.create.topics.enable", "true",
        "group.initial.rebalance.delay.ms", "0",
        "transaction.state.log.replication.factor", "1",
        "transaction.state.log.min.isr", "1"));
    kafka.afterPropertiesSet();
    mongo = new MongoServer(new PinnedIdMemoryBackend());
    mongo.bind("127.0.0.1", 0);
    mongoAddress = mongo.getLocalAddress();
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
      mongo.shutdownNow();
      kafka.destroy();
    }));
  }

  /** Starts both servers on first use; later calls return the same ones. */
  public static EmbeddedInfrastructure get() {
    if (instance == null) {
      synchronized (EmbeddedInfrastructure.class) {
        if (instance == null) {
          instance = new EmbeddedInfrastructure();
        }
      }
    }
    return instance;
  }

  public String kafkaBootstrapServers() {
    return kafka.getBrokersAsString();
  }

  public EmbeddedKafkaKraftBroker kafka() {
    return kafka;
  }

  /** A producer of string keys and values to the embedded broker: a test's way of publishing events. */
  public org.apache.kafka.clients.producer.KafkaProducer<String, String> writer() {
    return TestKafka.producer();
  }

  /** A consumer of its own group reading {@code topic} from the start: a test's view of what was published. */
  public KafkaConsumer<String, String> readerFromStart(String topic) {
    return TestKafka.consumer(topic);
  }

  /** A database name no other test class uses. */
  public String freshDatabaseName(String hint) {
    String name = hint.replaceAll("[^A-Za-z0-9]", "_") + "_" + databases.incrementAndGet();
    return name.length() > 60 ? name.substring(name.length() - 60) : name;
  }

  public String mongoUri() {
    return "mongodb://127.0.0.1:" + mongoAddress.getPort();
  }
}
