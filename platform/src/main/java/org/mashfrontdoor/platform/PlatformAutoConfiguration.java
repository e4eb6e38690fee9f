package org.mashfrontdoor.platform;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.inbox.EventConsumerErrorHandling;
import org.mashfrontdoor.platform.metrics.PrometheusConventions;
import org.mashfrontdoor.platform.outbox.OutboxBacklogGauges;
import org.mashfrontdoor.platform.outbox.OutboxLoop;
import org.mashfrontdoor.platform.outbox.OutboxProperties;
import org.mashfrontdoor.platform.outbox.OutboxPublisher;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.mashfrontdoor.platform.persistence.StoreAtStart;
import org.mashfrontdoor.platform.web.ProblemResponses;
import org.mashfrontdoor.platform.web.StoreUnavailable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

/** What every MASH service gets from the platform: clock, database, outbox, consumer failure policy, topics. */
@AutoConfiguration(after = {MongoAutoConfiguration.class, KafkaAutoConfiguration.class})
@EnableConfigurationProperties(OutboxProperties.class)
@Import({ProblemResponses.class, StoreUnavailable.class, StoreAtStart.class})
public class PlatformAutoConfiguration {

  /** How many partitions each event topic has: the topics below and the listeners' threads read this one setting. */
  static final String PARTITIONS = "${mash.kafka.partitions:3}";
  /** The container factory of listeners that take a poll's records together. */
  public static final String BATCH_LISTENERS = "eventBatchListeners";

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  @ConditionalOnMissingBean
  MongoDatabase mongoDatabase(MongoClient client, MongoProperties properties) {
    return client.getDatabase(properties.getMongoClientDatabase());
  }

  /**
   * Replaces Boot's Mongo health check, which reads {@code maxWireVersion} from {@code hello}: mongo-java-server
   * omits it, so the check reported DOWN on a healthy store. A {@code ping} on the service's own database works
   * on both stores.
   */
  @Bean(name = "mongoHealthContributor")
  HealthIndicator mongoHealthContributor(MongoDatabase database) {
    return () -> {
      try {
        database.runCommand(new Document("ping", 1));
        return Health.up().withDetail("database", database.getName()).build();
      } catch (RuntimeException e) {
        return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
      }
    };
  }

  @Bean
  OutboxRelay outboxRelay(MongoDatabase database, Clock clock, OutboxProperties properties) {
    return new OutboxRelay(database, clock, properties.batchSize(),
        properties.mode() == OutboxProperties.Mode.DEBEZIUM, properties.sweepInterval());
  }

  @Bean(destroyMethod = "close")
  Producer<String, String> outboxProducer(KafkaProperties kafka) {
    Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-publisher");
    return new KafkaProducer<>(config);
  }

  @Bean
  OutboxLoop outboxLoop(OutboxRelay relay, Producer<String, String> outboxProducer, OutboxProperties properties,
      Clock clock, ObjectProvider<MeterRegistry> meters) {
    OutboxPublisher publisher = properties.mode() == OutboxProperties.Mode.KAFKA
        ? new OutboxPublisher(relay.outbox(), outboxProducer, properties.batchSize(),
            properties.sendTimeout(), meters.getIfAvailable(SimpleMeterRegistry::new))
        : null;
    return new OutboxLoop(relay, publisher, properties);
  }

  /** Library meters in Prometheus's naming conventions, so {@code promtool check metrics} is clean (issue 14). */
  @Bean
  PrometheusConventions prometheusConventions() {
    return new PrometheusConventions();
  }

  /** Outbox backlog and oldest pending age (docs/metrics.md, pipeline health), read from the store every few seconds. */
  @Bean
  OutboxBacklogGauges outboxBacklogGauges(ObjectProvider<MeterRegistry> meters, OutboxRelay relay,
      OutboxProperties properties, Clock clock,
      @Value("${mash.metrics.gauge-refresh:PT5S}") Duration refresh) {
    return OutboxBacklogGauges.register(meters.getIfAvailable(SimpleMeterRegistry::new), relay,
        properties.mode() == OutboxProperties.Mode.KAFKA, clock, refresh);
  }

  @Bean
  @ConditionalOnMissingBean(CommonErrorHandler.class)
  CommonErrorHandler eventConsumerErrorHandler(KafkaOperations<?, ?> template,
      @Value("${mash.consumer.first-backoff:PT0.2S}") Duration firstBackoff,
      @Value("${mash.consumer.max-backoff:PT30S}") Duration maxBackoff,
      ObjectProvider<MeterRegistry> meters) {
    return EventConsumerErrorHandling.errorHandler(template, firstBackoff, maxBackoff,
        meters.getIfAvailable(SimpleMeterRegistry::new));
  }

  /**
   * Listeners that take a poll's records together ({@code @KafkaListener(containerFactory = BATCH_LISTENERS)}), to
   * write them in a few store round trips: set up as Boot's record listeners are (consumer settings, this error
   * handler, a thread per partition), but committing offsets per poll, as a batch listener must. A listener must
   * throw only {@code EventConsumerErrorHandling.failedAt}, naming the record it failed at: the error handler
   * commits those before it, then dead-letters that record alone or waits out the fault on it, and the rest comes
   * again. Anything else thrown is retried with the whole poll, and dead-letters all of it if it turns out never to
   * succeed.
   */
  @Bean(BATCH_LISTENERS)
  ConcurrentKafkaListenerContainerFactory<Object, Object> eventBatchListeners(
      ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
      ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>>
          listenerThreadPerPartition) {
    ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
    configurer.configure(factory, consumers);
    // Boot sets its customizers on its own factory only.
    factory.setContainerCustomizer(listenerThreadPerPartition);
    factory.setBatchListener(true);
    factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
    return factory;
  }

  /**
   * One listener thread per partition for the record listeners (Boot's container factory), so a service consumes its
   * partitions side by side, not one record of one partition after another's: a consumer spends most of each record
   * waiting on the store. Order still holds within a partition, that is per referral (events are keyed by referral
   * id); across partitions there never was an order, and every consumer write is version-checked or idempotent.
   * {@code spring.kafka.listener.concurrency}, when set, wins.
   */
  @Bean
  ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> listenerThreadPerPartition(
      @Value(PARTITIONS) int partitions,
      @Value("${spring.kafka.listener.concurrency:#{null}}") Integer configured) {
    return container -> container.setConcurrency(configured != null ? configured : partitions);
  }

  /**
   * The six topics, from this one definition everywhere (local stack, compose, Kubernetes' KafkaTopics are checked
   * against it). {@code mash.kafka.min-insync-replicas} unset: the topics inherit the broker's
   * {@code min.insync.replicas} (Kafka's default 1), so a cluster configured for 2 is never weakened per topic.
   */
  @Bean
  KafkaAdmin.NewTopics mashTopics(@Value(PARTITIONS) int partitions,
      @Value("${mash.kafka.replication-factor:1}") short replicas,
      @Value("${mash.kafka.min-insync-replicas:#{null}}") Integer minInsyncReplicas) {
    return new KafkaAdmin.NewTopics(topics(partitions, replicas, minInsyncReplicas).toArray(NewTopic[]::new));
  }

  /** Each event topic and its dead-letter topic, all with the same settings. */
  static List<NewTopic> topics(int partitions, short replicas, Integer minInsyncReplicas) {
    return Stream.of(Topics.REFERRAL_EVENTS, Topics.TRIAGE_EVENTS, Topics.CASE_EVENTS)
        .flatMap(name -> Stream.of(name, name + Topics.DEAD_LETTER_SUFFIX))
        .map(name -> topic(name, partitions, replicas, minInsyncReplicas))
        .toList();
  }

  private static NewTopic topic(String name, int partitions, short replicas, Integer minInsyncReplicas) {
    TopicBuilder topic = TopicBuilder.name(name).partitions(partitions).replicas(replicas);
    if (minInsyncReplicas != null) {
      topic.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsyncReplicas));
    }
    return topic.build();
  }
}
