package org.mashfrontdoor.platform.testsupport;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka clients of string keys and values on the {@link EmbeddedInfrastructure} broker, for tests that publish
 * events or read what a service published:
 * <pre>{@code
 * KafkaProducer<String, String> producer = TestKafka.producer();
 * try (TopicEvents events = TestKafka.events(Topics.REFERRAL_EVENTS)) {
 *   EventEnvelope received = events.awaitEvent("referral.received.v1", referralId);
 * }
 * }</pre>
 */
public final class TestKafka {

  private TestKafka() {
  }

  /** A producer to the embedded broker; the caller closes it. */
  public static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()),
        new StringSerializer(), new StringSerializer());
  }

  /** A consumer of its own group reading {@code topic} from the start; the caller closes it. */
  public static KafkaConsumer<String, String> consumer(String topic) {
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), new StringDeserializer());
    consumer.subscribe(List.of(topic));
    return consumer;
  }

  /** What arrives on {@code topic}, from its start, collected as it is polled; the caller closes it. */
  public static TopicEvents events(String topic) {
    return new TopicEvents(consumer(topic));
  }

  private static String bootstrapServers() {
    return EmbeddedInfrastructure.get().kafkaBootstrapServers();
  }
}
