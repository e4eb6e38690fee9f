package org.mashfrontdoor.platform.inbox;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Lists and replays the dead letters of a topic ({@code deploy/local/dlt}). Needs only the Kafka client and the
 * JDK, so the script runs this very file as a single-file source program on the local stack's Kafka classpath.
 * <ul>
 *   <li>{@code list <topic>}: one line per dead letter of {@code <topic>.DLT}, from its redacted copy and headers
 *   (no personal data): DLT partition/offset, event id, type, subject, reason, original position, replayed or not.
 *   <li>{@code replay <topic>}: each dead letter not yet replayed has its ORIGINAL record (the DLT copy is
 *   redacted) read from the source topic at the recorded partition and offset and re-published there, same key,
 *   value and headers; then the DLT offset is committed for consumer group {@value #GROUP}, so a second replay
 *   resends nothing. Consumers are idempotent, so a replay interrupted between send and commit is harmless.
 * </ul>
 */
public final class DeadLetterReplay {

  public static final String GROUP = "mash-dlt-replay";
  /** On a replayed record: the dead letter it came from ({@code <dlt topic>-<partition>@<offset>}). */
  public static final String REPLAYED_FROM = "mash_replayed-from";

  // Spring Kafka's DeadLetterPublishingRecoverer headers and RedactedDeadLetters' own (same names; this file
  // cannot import them: it runs without Spring).
  static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
  static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
  static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
  static final String EXCEPTION_CLASS = "kafka_dlt-exception-fqcn";
  static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
  static final String EVENT_ID = "mash_dlt-event-id";
  static final String EVENT_TYPE = "mash_dlt-event-type";
  static final String DEAD_LETTER_SUFFIX = ".DLT";
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final int LONGEST_REASON = 200;

  /** One dead letter as the DLT holds it; never its payload. */
  public record DeadLetter(int partition, long offset, String eventId, String type, String subject, String reason,
      String originalTopic, int originalPartition, long originalOffset, boolean replayed) {

    String line() {
      return partition + "/" + offset + "\t" + orDash(eventId) + "\t" + orDash(type) + "\t" + orDash(subject) + "\t"
          + orDash(reason) + "\t" + originalTopic + "-" + originalPartition + "@" + originalOffset + "\t"
          + (replayed ? "replayed" : "not replayed");
    }
  }

  /** What a replay did: re-published, and dead letters whose original is no longer retained. */
  public record Replayed(List<String> eventIds, List<String> missing) {
  }

  private final String bootstrapServers;

  public DeadLetterReplay(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 3 || !Set.of("list", "replay").contains(args[1])) {
      System.err.println("usage: DeadLetterReplay <bootstrap servers> list|replay <topic>");
      System.exit(64);
    }
    DeadLetterReplay dlt = new DeadLetterReplay(args[0]);
    String topic = args[2];
    try {
      if (args[1].equals("list")) {
        dlt.list(topic).forEach(d -> System.out.println(d.line()));
        return;
      }
      Replayed replayed = dlt.replay(topic, System.out);
      System.out.println("dlt: " + replayed.eventIds().size() + " replayed, " + replayed.missing().size()
          + " no longer retained on " + sourceTopic(topic));
      System.exit(replayed.missing().isEmpty() ? 0 : 1);
    } catch (IllegalArgumentException | IllegalStateException e) {
      // No such topic, or the broker did not answer in time: a line, not a stack trace.
      System.err.println("dlt: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Accepts the source topic or its dead-letter topic. */
  static String sourceTopic(String topic) {
    return topic.endsWith(DEAD_LETTER_SUFFIX) ? topic.substring(0, topic.length() - DEAD_LETTER_SUFFIX.length())
        : topic;
  }

  /** Every dead letter of {@code <topic>.DLT} still retained, oldest first per partition. Takes either name. */
  public List<DeadLetter> list(String topicOrDeadLetters) {
    String topic = sourceTopic(topicOrDeadLetters);
    try (KafkaConsumer<byte[], byte[]> reader = consumer(GROUP)) {
      List<TopicPartition> partitions = partitions(reader, topic + DEAD_LETTER_SUFFIX);
      Map<TopicPartition, OffsetAndMetadata> committed = reader.committed(Set.copyOf(partitions), PATIENCE);
      reader.assign(partitions);
      reader.seekToBeginning(partitions);
      List<DeadLetter> all = new ArrayList<>();
      readToEnd(reader, partitions, record -> {
        OffsetAndMetadata done = committed.get(new TopicPartition(record.topic(), record.partition()));
        all.add(deadLetter(record, done != null && record.offset() < done.offset()));
      });
      return all;
    }
  }

  /** Re-publishes the original of each dead letter not replayed before, committing each once the broker has it. */
  public Replayed replay(String topicOrDeadLetters, PrintStream out) throws InterruptedException, ExecutionException {
    String topic = sourceTopic(topicOrDeadLetters);
    List<String> replayed = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> deadLetters = consumer(GROUP);
        KafkaConsumer<byte[], byte[]> originals = consumer(null);
        KafkaProducer<byte[], byte[]> producer = producer()) {
      List<TopicPartition> partitions = partitions(deadLetters, topic + DEAD_LETTER_SUFFIX);
      Map<TopicPartition, OffsetAndMetadata> committed = deadLetters.committed(Set.copyOf(partitions), PATIENCE);
      deadLetters.assign(partitions);
      for (TopicPartition partition : partitions) {
        OffsetAndMetadata done = committed.get(partition);
        if (done == null) {
          deadLetters.seekToBeginning(List.of(partition));
        } else {
          deadLetters.seek(partition, done.offset());
        }
      }
      List<ConsumerRecord<byte[], byte[]>> toReplay = new ArrayList<>();
      readToEnd(deadLetters, partitions, toReplay::add);
      for (ConsumerRecord<byte[], byte[]> record : toReplay) {
        DeadLetter dead = deadLetter(record, false);
        ConsumerRecord<byte[], byte[]> original = original(originals, dead);
        if (original == null) {
          missing.add(dead.eventId());
          out.println("not replayed " + orDash(dead.eventId()) + ": " + dead.originalTopic() + "-"
              + dead.originalPartition() + "@" + dead.originalOffset() + " is no longer retained");
        } else {
          Headers headers = new RecordHeaders(original.headers().toArray());
          headers.add(REPLAYED_FROM, (record.topic() + "-" + record.partition() + "@" + record.offset())
              .getBytes(StandardCharsets.UTF_8));
          RecordMetadata sent = producer.send(new ProducerRecord<>(original.topic(), original.partition(), null,
              original.key(), original.value(), headers)).get();
          replayed.add(dead.eventId());
          out.println("replayed " + orDash(dead.eventId()) + " (" + orDash(dead.type()) + ") " + original.topic()
              + "-" + original.partition() + "@" + original.offset() + " as @" + sent.offset());
        }
        // A lost original cannot come back, so it is marked done too; the exit status says it was lost.
        deadLetters.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
            new OffsetAndMetadata(record.offset() + 1)), PATIENCE);
      }
    }
    return new Replayed(replayed, missing);
  }

  private ConsumerRecord<byte[], byte[]> original(KafkaConsumer<byte[], byte[]> originals, DeadLetter dead) {
    TopicPartition partition = new TopicPartition(dead.originalTopic(), dead.originalPartition());
    originals.assign(List.of(partition));
    Long first = originals.beginningOffsets(List.of(partition), PATIENCE).get(partition);
    Long end = originals.endOffsets(List.of(partition), PATIENCE).get(partition);
    if (first == null || end == null || dead.originalOffset() < first || dead.originalOffset() >= end) {
      return null;
    }
    originals.seek(partition, dead.originalOffset());
    Instant giveUp = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(giveUp)) {
      for (ConsumerRecord<byte[], byte[]> record : originals.poll(Duration.ofMillis(200))) {
        // A later offset first means the original was compacted or deleted away.
        return record.offset() == dead.originalOffset() ? record : null;
      }
    }
    throw new IllegalStateException("could not read " + partition + "@" + dead.originalOffset() + " in " + PATIENCE);
  }

  private static void readToEnd(KafkaConsumer<byte[], byte[]> reader, List<TopicPartition> partitions,
      java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
    Map<TopicPartition, Long> end = reader.endOffsets(partitions, PATIENCE);
    Instant giveUp = Instant.now().plus(PATIENCE);
    while (partitions.stream().anyMatch(p -> reader.position(p, PATIENCE) < end.get(p))) {
      if (Instant.now().isAfter(giveUp)) {
        throw new IllegalStateException("could not read " + partitions + " to their end in " + PATIENCE);
      }
      for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
        if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
          each.accept(record);
        }
      }
    }
  }

  private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, PATIENCE);
    if (infos == null || infos.isEmpty()) {
      throw new IllegalArgumentException("no topic " + topic);
    }
    return infos.stream().map(i -> new TopicPartition(topic, i.partition())).sorted(
        java.util.Comparator.comparingInt(TopicPartition::partition)).toList();
  }

  static DeadLetter deadLetter(ConsumerRecord<byte[], byte[]> record, boolean replayed) {
    String exception = text(record, EXCEPTION_CLASS);
    String message = text(record, EXCEPTION_MESSAGE);
    String reason = exception == null ? null
        : exception.substring(exception.lastIndexOf('.') + 1) + (message == null ? "" : ": " + message);
    if (reason != null) {
      reason = reason.replaceAll("\\s+", " ");
      reason = reason.length() > LONGEST_REASON ? reason.substring(0, LONGEST_REASON) + "..." : reason;
    }
    Header topic = record.headers().lastHeader(ORIGINAL_TOPIC);
    Header partition = record.headers().lastHeader(ORIGINAL_PARTITION);
    Header offset = record.headers().lastHeader(ORIGINAL_OFFSET);
    return new DeadLetter(record.partition(), record.offset(), text(record, EVENT_ID), text(record, EVENT_TYPE),
        record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), reason,
        topic == null ? sourceTopic(record.topic()) : new String(topic.value(), StandardCharsets.UTF_8),
        partition == null ? record.partition() : ByteBuffer.wrap(partition.value()).getInt(),
        offset == null ? -1 : ByteBuffer.wrap(offset.value()).getLong(), replayed);
  }

  private static String text(ConsumerRecord<byte[], byte[]> record, String header) {
    Header value = record.headers().lastHeader(header);
    return value == null ? null : new String(value.value(), StandardCharsets.UTF_8);
  }

  private static String orDash(String value) {
    return value == null ? "-" : value;
  }

  private KafkaConsumer<byte[], byte[]> consumer(String group) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // Looking at a topic must not create it (brokers may auto-create topics on first use).
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    if (group != null) {
      config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    }
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private KafkaProducer<byte[], byte[]> producer() {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
        new ByteArraySerializer(), new ByteArraySerializer());
  }
}
