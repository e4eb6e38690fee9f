package org.mashfrontdoor.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.events.MalformedEventException;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.testsupport.EmbeddedInfrastructure;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.KafkaHeaders;

@WithEmbeddedInfrastructure
@DisplayName("Records sent to a dead-letter topic are counted, over the real embedded broker")
class DeadLetterCountIT {

  final MeterRegistry meters = new SimpleMeterRegistry();
  final String topic = "mash.deadlettertest-" + UUID.randomUUID().toString().substring(0, 8);
  KafkaTemplate<String, String> template;
  KafkaMessageListenerContainer<String, String> container;

  @AfterEach
  void stop() {
    if (container != null) {
      container.stop();
    }
    if (template != null) {
      template.destroy();
    }
  }

  @Test
  void a_poison_record_goes_to_the_dead_letter_topic_and_increments_its_counter_the_good_ones_do_not() throws Exception {
    String brokers = EmbeddedInfrastructure.get().kafkaBootstrapServers();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1),
          new NewTopic(topic + Topics.DEAD_LETTER_SUFFIX, 1, (short) 1))).all().get();
    }
    template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(), new StringSerializer()));
    List<String> handled = new CopyOnWriteArrayList<>();
    ContainerProperties properties = new ContainerProperties(topic);
    properties.setMessageListener((MessageListener<String, String>) record -> {
      if (record.value().equals("poison")) {
        throw new MalformedEventException("not an event envelope");
      }
      handled.add(record.value());
    });
    container = new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ConsumerConfig.GROUP_ID_CONFIG, "dlt-count-" + topic,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer()),
        properties);
    container.setCommonErrorHandler(EventConsumerErrorHandling.errorHandler(template, Duration.ofMillis(50),
        Duration.ofSeconds(1), meters));

    // Registered at 0 before anything failed, so alerts and dashboards see every dead-letter topic from the start.
    assertThat(deadLetters(Topics.TRIAGE_EVENTS + Topics.DEAD_LETTER_SUFFIX)).isZero();

    container.start();
    template.send(topic, "k", "good-1").get();
    template.send(topic, "k", "poison").get();
    template.send(topic, "k", "good-2").get();

    await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 2);
    assertThat(handled).containsExactly("good-1", "good-2");
    assertThat(deadLetters(topic + Topics.DEAD_LETTER_SUFFIX)).isEqualTo(1);
    assertThat(deadLetters(Topics.TRIAGE_EVENTS + Topics.DEAD_LETTER_SUFFIX)).isZero();
    List<ConsumerRecord<String, String>> deadLetters = readAll(brokers, topic + Topics.DEAD_LETTER_SUFFIX);
    assertThat(deadLetters).extracting(ConsumerRecord::key).containsExactly("k");
    // Counting leaves the dead letter as it was: it still names the consumer group that gave up on it.
    assertThat(new String(deadLetters.getFirst().headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)
        .value(), StandardCharsets.UTF_8)).isEqualTo("dlt-count-" + topic);
  }

  double deadLetters(String deadLetterTopic) {
    return meters.get(EventConsumerErrorHandling.DEAD_LETTERS).tag("topic", deadLetterTopic).counter().count();
  }

  static List<ConsumerRecord<String, String>> readAll(String brokers, String topic) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
      reader.subscribe(List.of(topic));
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        reader.poll(Duration.ofMillis(200)).forEach(records::add);
        return !records.isEmpty();
      });
      reader.poll(Duration.ofMillis(300)).forEach(records::add);
    }
    return records;
  }
}
