package org.mashfrontdoor.platform.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends outbox records to Kafka in sequence order, keyed by referral id, with the same key, value and
 * {@code id}/{@code type} headers that Debezium's MongoEventRouter produces, plus the CloudEvents structured-mode
 * {@code content-type} header (ADR 0013), and deletes them only after the
 * broker acknowledged them ({@code acks=all}, idempotent producer): a payload with personal data stays in the
 * outbox no longer than it takes to publish it. A crash before the delete repeats the send: consumers dedupe by
 * event id.
 */
public final class OutboxPublisher {

  private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
  /** Set only by versions that kept published records; such records are purged, never sent again. */
  static final String SENT_AT = "sentAt";

  private final MongoCollection<Document> outbox;
  private final Producer<String, String> producer;
  private final int batchSize;
  private final Duration sendTimeout;
  private final Counter published;

  public OutboxPublisher(MongoCollection<Document> outbox, Producer<String, String> producer, int batchSize,
      Duration sendTimeout, MeterRegistry meters) {
    this.outbox = outbox;
    this.producer = producer;
    this.batchSize = batchSize;
    this.sendTimeout = sendTimeout;
    this.published = Counter.builder("mash.outbox.published").description("Outbox events acknowledged by Kafka")
        .register(meters);
  }

  /** Publishes one batch; returns how many records the broker acknowledged. */
  public int publishBatch() {
    List<Document> batch = outbox.find(Filters.eq(SENT_AT, null))
        .sort(Sorts.ascending("sequence")).limit(batchSize).into(new ArrayList<>());
    if (batch.isEmpty()) {
      return 0;
    }
    List<CompletableFuture<RecordMetadata>> sends = new ArrayList<>(batch.size());
    for (Document record : batch) {
      ProducerRecord<String, String> message = new ProducerRecord<>(
          Topics.forAggregateType(record.getString("aggregatetype")),
          record.getString("aggregateid"), record.getString("payload"));
      message.headers().add("id", record.getString("_id").getBytes(StandardCharsets.UTF_8));
      message.headers().add("type", record.getString("type").getBytes(StandardCharsets.UTF_8));
      message.headers().add(EventEnvelope.CONTENT_TYPE_HEADER,
          EventEnvelope.STRUCTURED_JSON.getBytes(StandardCharsets.UTF_8));
      CompletableFuture<RecordMetadata> sent = new CompletableFuture<>();
      producer.send(message, (metadata, error) -> {
        if (error == null) {
          sent.complete(metadata);
        } else {
          sent.completeExceptionally(error);
        }
      });
      sends.add(sent);
    }
    // Delete only the acknowledged prefix: a later record must not go while an earlier one is unsent.
    List<String> acknowledged = new ArrayList<>(batch.size());
    long deadline = System.nanoTime() + sendTimeout.toNanos();
    for (int i = 0; i < sends.size(); i++) {
      try {
        sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        acknowledged.add(batch.get(i).getString("_id"));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (ExecutionException | TimeoutException e) {
        log.warn("Outbox send not acknowledged, will retry: {}", e.getClass().getSimpleName());
        break;
      }
    }
    if (!acknowledged.isEmpty()) {
      outbox.deleteMany(Filters.in("_id", acknowledged));
      published.increment(acknowledged.size());
    }
    return acknowledged.size();
  }

  /** Deletes records that earlier versions published and kept (marked {@value #SENT_AT}): they are on the broker. */
  public long purgePublished() {
    return outbox.deleteMany(Filters.ne(SENT_AT, null)).getDeletedCount();
  }
}
