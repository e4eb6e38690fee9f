package org.mashfrontdoor.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.MalformedEventException;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.testsupport.EmbeddedInfrastructure;
import org.mashfrontdoor.platform.testsupport.PinnedIdMemoryBackend;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The consumer failure policy over the real embedded broker and a real store (a mongo-java-server of its own, so
 * the test can take it away and bring it back on the same port): faults are waited out, bad data is dead-lettered
 * at once and redacted; for a listener taking a poll at a time, record by record.
 */
@WithEmbeddedInfrastructure
@DisplayName("Consumer failures: a store outage is waited out; bad data goes to the DLT at once, redacted")
class ConsumerFailurePolicyIT {

  final MeterRegistry meters = new SimpleMeterRegistry();
  final String topic = "mash.failurepolicy-" + UUID.randomUUID().toString().substring(0, 8);
  final String brokers = EmbeddedInfrastructure.get().kafkaBootstrapServers();
  MongoServer store;
  int storePort;
  MongoClient client;
  KafkaTemplate<String, String> template;
  KafkaMessageListenerContainer<String, String> container;

  @BeforeEach
  void start() throws Exception {
    store = new MongoServer(new PinnedIdMemoryBackend());
    store.bind("127.0.0.1", 0);
    storePort = store.getLocalAddress().getPort();
    // Short timeouts, so each attempt against the missing store fails within a backoff step.
    client = MongoClients.create(MongoClientSettings.builder()
        .applyToClusterSettings(c -> c.hosts(List.of(new ServerAddress("127.0.0.1", storePort)))
            .serverSelectionTimeout(300, TimeUnit.MILLISECONDS))
        .applyToSocketSettings(s -> s.connectTimeout(300, TimeUnit.MILLISECONDS).readTimeout(1, TimeUnit.SECONDS))
        .applyToServerSettings(s -> s.heartbeatFrequency(500, TimeUnit.MILLISECONDS)
            .minHeartbeatFrequency(100, TimeUnit.MILLISECONDS))
        .build());
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1),
          new NewTopic(topic + Topics.DEAD_LETTER_SUFFIX, 1, (short) 1))).all().get();
    }
    template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(), new StringSerializer()));
    MongoCollection<Document> handled = client.getDatabase("policy").getCollection("handled");
    ContainerProperties properties = new ContainerProperties(topic);
    // The shape of every service's listener: read the envelope, refuse bad data, one idempotent write.
    properties.setMessageListener((MessageListener<String, String>) record -> {
      EventEnvelope event = EventJson.read(record.value());
      if (!event.data().hasNonNull("childName")) {
        throw new IllegalArgumentException("event " + event.id() + " lacks childName");
      }
      try {
        handled.insertOne(new Document("_id", event.id()));
      } catch (MongoWriteException e) {
        if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
      }
    });
    container = new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ConsumerConfig.GROUP_ID_CONFIG, "policy-" + topic,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer()),
        properties);
    container.setCommonErrorHandler(EventConsumerErrorHandling.errorHandler(template, Duration.ofMillis(50),
        Duration.ofMillis(400), meters));
    container.start();
  }

  @AfterEach
  void stop() {
    container.stop();
    template.destroy();
    client.close();
    store.shutdownNow();
  }

  @Test
  void an_event_arriving_while_the_store_is_away_waits_and_is_handled_once_it_is_back_with_nothing_dead_lettered() {
    EventEnvelope before = event("Ann");
    send(before);
    await().atMost(Duration.ofSeconds(30)).until(() -> handledIds().contains(before.id()));

    store.shutdownNow();
    EventEnvelope during = event("Bea");
    send(during);
    // Far more attempts than the 3 retries after which the old policy dead-lettered it.
    await().atMost(Duration.ofSeconds(60)).until(() -> waits() >= 8);

    store = new MongoServer(new PinnedIdMemoryBackend());
    store.bind("127.0.0.1", storePort);
    await().atMost(Duration.ofSeconds(60)).until(() -> handledIds().contains(during.id()));
    assertThat(deadLetters()).isZero();
    assertThat(readAll(topic + Topics.DEAD_LETTER_SUFFIX, Duration.ofSeconds(2))).isEmpty();
  }

  @Test
  void malformed_and_invalid_events_go_to_the_dead_letter_topic_at_once_without_their_data() {
    String notJson = "{\"id\": \"x\", \"childName\": \"Carl Example\", oops";
    EventEnvelope invalid = EventEnvelope.create("/mash/test", "test.thing.v1", UUID.randomUUID().toString(),
        Instant.parse("2026-12-01T09:00:00Z"), Map.of("concern", "Dee Example is at risk at 1 Any Street"));
    EventEnvelope good = event("Eve");
    template.send(topic, "key-1", notJson).join();
    send(invalid);
    send(good);

    await().atMost(Duration.ofSeconds(30)).until(() -> handledIds().contains(good.id()));
    List<ConsumerRecord<String, String>> dead = readAll(topic + Topics.DEAD_LETTER_SUFFIX, Duration.ofSeconds(30));
    assertThat(dead).hasSize(2);
    assertThat(waits()).as("no retries for what can never succeed").isZero();
    assertThat(deadLetters()).isEqualTo(2);

    ConsumerRecord<String, String> malformed = dead.get(0);
    assertThat(malformed.key()).isEqualTo("key-1");
    assertThat(malformed.value()).isEqualTo("{\"data\":{\"redacted\":true}}");
    assertThat(header(malformed, KafkaHeaders.DLT_EXCEPTION_FQCN))
        .isEqualTo(MalformedEventException.class.getName());

    ConsumerRecord<String, String> redacted = dead.get(1);
    assertThat(redacted.key()).isEqualTo(invalid.subject());
    assertThat(redacted.value()).doesNotContain("Dee", "Any Street", "concern");
    EventEnvelope kept = EventJson.read(redacted.value());
    assertThat(kept.id()).isEqualTo(invalid.id());
    assertThat(kept.type()).isEqualTo("test.thing.v1");
    assertThat(kept.source()).isEqualTo("/mash/test");
    assertThat(kept.subject()).isEqualTo(invalid.subject());
    assertThat(kept.time()).isEqualTo(invalid.time());
    assertThat(kept.data().get("redacted").asBoolean()).isTrue();
    assertThat(header(redacted, KafkaHeaders.DLT_EXCEPTION_FQCN)).isEqualTo(IllegalArgumentException.class.getName());
    assertThat(header(redacted, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isEqualTo("event " + invalid.id()
        + " lacks childName");
    assertThat(header(redacted, RedactedDeadLetters.EVENT_ID)).isEqualTo(invalid.id());
    assertThat(header(redacted, RedactedDeadLetters.EVENT_TYPE)).isEqualTo("test.thing.v1");
    assertThat(redacted.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_STACKTRACE)).isNull();
    // Where the original still is: replay reads it from there.
    assertThat(header(redacted, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(topic);
    assertThat(ByteBuffer.wrap(redacted.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION).value()).getInt())
        .isZero();
    assertThat(ByteBuffer.wrap(redacted.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value()).getLong())
        .isEqualTo(1);
  }

  @Test
  void a_record_of_a_poll_waited_out_for_a_fault_then_found_bad_is_dead_lettered_alone_and_the_rest_handled()
      throws Exception {
    String polled = topic + "-poll";
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
      admin.createTopics(List.of(new NewTopic(polled, 1, (short) 1),
          new NewTopic(polled + Topics.DEAD_LETTER_SUFFIX, 1, (short) 1))).all().get();
    }
    EventEnvelope eve = event("Eve");
    EventEnvelope fay = event("Fay");
    EventEnvelope gus = event("Gus");
    for (EventEnvelope event : List.of(eve, fay, gus)) {
      template.send(polled, event.subject(), EventJson.write(event)).join();
    }
    AtomicInteger fayAttempts = new AtomicInteger();
    MongoCollection<Document> handled = client.getDatabase("policy").getCollection("handled");
    ContainerProperties properties = new ContainerProperties(polled);
    // A listener taking a poll at a time: Fay meets the store away twice, then turns out to be bad data.
    properties.setMessageListener((BatchMessageListener<String, String>) records -> {
      for (int i = 0; i < records.size(); i++) {
        EventEnvelope event = EventJson.read(records.get(i).value());
        if (event.id().equals(fay.id())) {
          throw EventConsumerErrorHandling.failedAt(i, fayAttempts.incrementAndGet() <= 2
              ? new IllegalStateException("store away") : new IllegalArgumentException("bad data"));
        }
        handled.replaceOne(new Document("_id", event.id()), new Document("_id", event.id()),
            new com.mongodb.client.model.ReplaceOptions().upsert(true));
      }
    });
    KafkaMessageListenerContainer<String, String> polls = new KafkaMessageListenerContainer<>(
        new DefaultKafkaConsumerFactory<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
            ConsumerConfig.GROUP_ID_CONFIG, "policy-" + polled, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(), new StringDeserializer()), properties);
    polls.setCommonErrorHandler(EventConsumerErrorHandling.errorHandler(template, Duration.ofMillis(50),
        Duration.ofMillis(400), meters));
    polls.start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> handledIds().containsAll(List.of(eve.id(), gus.id())));
      List<ConsumerRecord<String, String>> dead = readAll(polled + Topics.DEAD_LETTER_SUFFIX, Duration.ofSeconds(30));
      assertThat(dead).extracting(r -> EventJson.read(r.value()).id()).containsExactly(fay.id());
      assertThat(fayAttempts).hasValue(3);
      assertThat(waits()).as("the fault was waited out, and counted").isEqualTo(2);
    } finally {
      polls.stop();
    }
  }

  EventEnvelope event(String childName) {
    return EventEnvelope.create("/mash/test", "test.thing.v1", UUID.randomUUID().toString(), Instant.now(),
        Map.of("childName", childName));
  }

  void send(EventEnvelope event) {
    template.send(topic, event.subject(), EventJson.write(event)).join();
  }

  List<String> handledIds() {
    try {
      return client.getDatabase("policy").getCollection("handled").find().map(d -> d.getString("_id"))
          .into(new ArrayList<>());
    } catch (RuntimeException storeAway) {
      return List.of();
    }
  }

  double waits() {
    return meters.get(EventConsumerErrorHandling.INFRASTRUCTURE_WAITS).counter().count();
  }

  double deadLetters() {
    var counter = meters.find(EventConsumerErrorHandling.DEAD_LETTERS).tag("topic", topic + Topics.DEAD_LETTER_SUFFIX)
        .counter();
    return counter == null ? 0 : counter.count();
  }

  static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  /** Everything on {@code topic} now (partition 0, read to its end offset). */
  List<ConsumerRecord<String, String>> readAll(String topic, Duration patience) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
      org.apache.kafka.common.TopicPartition partition = new org.apache.kafka.common.TopicPartition(topic, 0);
      reader.assign(List.of(partition));
      reader.seekToBeginning(List.of(partition));
      await().atMost(patience.plusSeconds(10)).pollDelay(Duration.ZERO).until(() -> {
        records.addAll(reader.poll(Duration.ofMillis(200)).records(partition));
        return reader.position(partition) >= reader.endOffsets(List.of(partition)).get(partition);
      });
    }
    return records;
  }
}
