package org.mashfrontdoor.platform.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;

/**
 * The records a consumer has polled from one topic, kept in arrival order, and a wait for the event a test expects
 * (Awaitility, no sleeps). Only records of the asked-for key are read as {@link EventEnvelope}s, so a topic may also
 * hold records that are not events. Not thread-safe for polling: one test thread polls.
 */
public final class TopicEvents implements AutoCloseable {

  /** How long a wait lasts before the test fails. */
  public static final Duration AT_MOST = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<String, String> consumer;
  private final List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();

  TopicEvents(KafkaConsumer<String, String> consumer) {
    this.consumer = consumer;
  }

  /** Polls once, keeping what arrived. */
  public void poll() {
    consumer.poll(POLL).forEach(seen::add);
  }

  /** Every event with this record key seen so far, in order. */
  public List<EventEnvelope> forKey(String key) {
    return seen.stream().filter(r -> key.equals(r.key())).map(r -> EventJson.read(r.value())).toList();
  }

  /** Waits for the first event of {@code type} (any type when null) with this record key, and returns it. */
  public EventEnvelope awaitEvent(String type, String key) {
    Predicate<EventEnvelope> wanted = e -> type == null || type.equals(e.type());
    return awaitEvents(key, wanted).stream().filter(wanted).findFirst().orElseThrow();
  }

  /** Polls until an event with this record key passes {@code wanted}; returns every event with that key seen. */
  public List<EventEnvelope> awaitEvents(String key, Predicate<EventEnvelope> wanted) {
    Objects.requireNonNull(key, "key");
    await().atMost(AT_MOST).until(() -> {
      if (forKey(key).stream().anyMatch(wanted)) {
        return true;
      }
      poll();
      return forKey(key).stream().anyMatch(wanted);
    });
    return forKey(key);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
