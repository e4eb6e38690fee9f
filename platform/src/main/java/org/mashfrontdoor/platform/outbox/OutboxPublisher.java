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

  /** An event to send: what an outbox record, or an aggregate's pending event with its aggregate type, holds. */
  public record Outgoing(String id, String aggregateType, String aggregateId, String type, String payload) {
  }

  /** Publishes one batch of the outbox collection; returns how many records the broker acknowledged. */
  public int publishBatch() {
    List<Document> batch = outbox.find(Filters.eq(SENT_AT, null))
        .sort(Sorts.ascending("sequence")).limit(batchSize).into(new ArrayList<>());
    if (batch.isEmpty()) {
      return 0;
    }
    List<Boolean> sent = send(batch.stream().map(record -> new Outgoing(record.getString("_id"),
        record.getString("aggregatetype"), record.getString("aggregateid"), record.getString("type"),
        record.getString("payload"))).toList());
    // Only the acknowledged prefix: a later record must not go while an earlier one is unsent.
    int acknowledged = sent.indexOf(false) < 0 ? sent.size() : sent.indexOf(false);
    if (acknowledged > 0) {
      outbox.deleteMany(Filters.in("_id", batch.subList(0, acknowledged).stream().map(r -> r.getString("_id"))
          .toList()));
    }
    return acknowledged;
  }

  /**
   * Sends {@code events} in order and waits for the broker (until the send timeout, shared by all); returns, per
   * event, whether the broker acknowledged it.
   */
  public List<Boolean> send(List<Outgoing> events) {
    List<CompletableFuture<RecordMetadata>> sends = new ArrayList<>(events.size());
    for (Outgoing event : events) {
      ProducerRecord<String, String> message = new ProducerRecord<>(Topics.forAggregateType(event.aggregateType()),
          event.aggregateId(), event.payload());
      message.headers().add("id", event.id().getBytes(StandardCharsets.UTF_8));
      message.headers().add("type", event.type().getBytes(StandardCharsets.UTF_8));
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
    List<Boolean> acknowledged = new ArrayList<>(sends.size());
    long deadline = System.nanoTime() + sendTimeout.toNanos();
    boolean warned = false;
    for (CompletableFuture<RecordMetadata> sent : sends) {
      try {
        sent.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        acknowledged.add(true);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        acknowledged.add(false);
      } catch (ExecutionException | TimeoutException e) {
        if (!warned) {
          log.warn("Outbox send not acknowledged, will retry: {}", e.getClass().getSimpleName());
          warned = true;
        }
        acknowledged.add(false);
      }
    }
    published.increment(acknowledged.stream().filter(Boolean::booleanValue).count());
    return acknowledged;
  }

  /** Deletes records that earlier versions published and kept (marked {@value #SENT_AT}): they are on the broker. */
  public long purgePublished() {
    return outbox.deleteMany(Filters.ne(SENT_AT, null)).getDeletedCount();
  }
}
