package org.mashfrontdoor.platform.inbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.testsupport.EmbeddedInfrastructure;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

@WithEmbeddedInfrastructure
@DisplayName("deploy/local/dlt: dead letters listed without their data and replayed from the source topic once")
class DeadLetterReplayIT {

  final String topic = "mash.replaytest-" + UUID.randomUUID().toString().substring(0, 8);
  final String brokers = EmbeddedInfrastructure.get().kafkaBootstrapServers();
  KafkaTemplate<String, String> template;
  KafkaMessageListenerContainer<String, String> container;
  // The listener refuses types it does not know (until a test "deploys" one); it counts each event id it handled.
  final Map<String, Integer> handled = new ConcurrentHashMap<>();
  final Set<String> known = ConcurrentHashMap.newKeySet();

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
  void a_dead_letter_is_listed_then_its_original_replayed_with_the_same_key_and_a_second_replay_sends_nothing()
      throws Exception {
    startConsumer();
    EventEnvelope newType = EventEnvelope.create("/mash/test", "test.new.v1", "referral-1", Instant.now(),
        Map.of("concern", "Fay Example, 2 Any Road"));
    EventEnvelope old = EventEnvelope.create("/mash/test", "test.old.v1", "referral-1", Instant.now(), Map.of());
    template.send(topic, newType.subject(), EventJson.write(newType)).join();
    template.send(topic, old.subject(), EventJson.write(old)).join();
    await().atMost(Duration.ofSeconds(30)).until(() -> handled.containsKey(old.id()));

    DeadLetterReplay dlt = new DeadLetterReplay(brokers);
    List<DeadLetterReplay.DeadLetter> listed = dlt.list(topic);
    assertThat(listed).singleElement().satisfies(dead -> {
      assertThat(dead.eventId()).isEqualTo(newType.id());
      assertThat(dead.type()).isEqualTo("test.new.v1");
      assertThat(dead.subject()).isEqualTo("referral-1");
      assertThat(dead.reason()).isEqualTo("IllegalArgumentException: unknown type on event " + newType.id());
      assertThat(dead.originalTopic()).isEqualTo(topic);
      assertThat(dead.originalOffset()).isZero();
      assertThat(dead.replayed()).isFalse();
      assertThat(dead.line()).doesNotContain("Fay", "Any Road");
    });

    known.add("test.new.v1"); // the fix is deployed
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    DeadLetterReplay.Replayed first = dlt.replay(topic + Topics.DEAD_LETTER_SUFFIX,
        new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertThat(first.eventIds()).containsExactly(newType.id());
    assertThat(first.missing()).isEmpty();
    // Replayed from the source topic (the dead letter holds no data): the listener sees the full original.
    await().atMost(Duration.ofSeconds(30)).until(() -> handled.containsKey(newType.id()));
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("replayed " + newType.id() + " (test.new.v1)")
        .doesNotContain("Fay");

    assertThat(dlt.replay(topic, new PrintStream(new ByteArrayOutputStream())).eventIds()).isEmpty();
    assertThat(dlt.list(topic)).singleElement().satisfies(dead -> assertThat(dead.replayed()).isTrue());
    assertThat(handled).containsEntry(newType.id(), 1).containsEntry(old.id(), 1);
  }

  @Test
  void an_original_gone_by_retention_is_named_and_not_tried_again() throws Exception {
    startConsumer();
    EventEnvelope newType = EventEnvelope.create("/mash/test", "test.new.v1", "referral-2", Instant.now(), Map.of());
    int partition = template.send(topic, newType.subject(), EventJson.write(newType)).join().getRecordMetadata()
        .partition();
    DeadLetterReplay dlt = new DeadLetterReplay(brokers);
    await().atMost(Duration.ofSeconds(30)).until(() -> dlt.list(topic).size() == 1);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
      admin.deleteRecords(Map.of(new org.apache.kafka.common.TopicPartition(topic, partition),
          org.apache.kafka.clients.admin.RecordsToDelete.beforeOffset(1))).all().get();
    }

    DeadLetterReplay.Replayed replayed = dlt.replay(topic, new PrintStream(new ByteArrayOutputStream()));
    assertThat(replayed.eventIds()).isEmpty();
    assertThat(replayed.missing()).containsExactly(newType.id());
    assertThat(dlt.replay(topic, new PrintStream(new ByteArrayOutputStream())).missing()).isEmpty();
  }

  void startConsumer() throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
      admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1),
          new NewTopic(topic + Topics.DEAD_LETTER_SUFFIX, 2, (short) 1))).all().get();
    }
    template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(), new StringSerializer()));
    known.add("test.old.v1");
    ContainerProperties properties = new ContainerProperties(topic);
    properties.setMessageListener((MessageListener<String, String>) record -> {
      EventEnvelope event = EventJson.read(record.value());
      if (!known.contains(event.type())) {
        throw new IllegalArgumentException("unknown type on event " + event.id());
      }
      handled.merge(event.id(), 1, Integer::sum);
    });
    container = new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ConsumerConfig.GROUP_ID_CONFIG, "replay-" + topic,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer()),
        properties);
    container.setCommonErrorHandler(EventConsumerErrorHandling.errorHandler(template, Duration.ofMillis(50),
        Duration.ofSeconds(1), new SimpleMeterRegistry()));
    container.start();
  }

  @Test
  void the_command_depends_on_nothing_but_the_kafka_client_and_the_jdk_so_the_script_can_run_its_source() {
    classes().that().haveNameMatching(DeadLetterReplay.class.getName() + ".*")
        .should().onlyDependOnClassesThat(DescribedPredicate.describe("the JDK, the Kafka client or itself",
            (JavaClass c) -> {
              JavaClass base = c.isArray() ? c.getBaseComponentType() : c;
              return base.isPrimitive() || base.getPackageName().startsWith("java.")
                  || base.getPackageName().startsWith("org.apache.kafka.")
                  || base.getName().startsWith(DeadLetterReplay.class.getName());
            }))
        .check(new ClassFileImporter().importClasses(DeadLetterReplay.class, DeadLetterReplay.DeadLetter.class,
            DeadLetterReplay.Replayed.class));
    assertThat(DeadLetterReplay.EVENT_ID).isEqualTo(RedactedDeadLetters.EVENT_ID);
    assertThat(DeadLetterReplay.EVENT_TYPE).isEqualTo(RedactedDeadLetters.EVENT_TYPE);
  }
}
