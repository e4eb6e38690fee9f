package org.mashfrontdoor.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.mashfrontdoor.platform.events.MalformedEventException;
import org.mashfrontdoor.platform.events.Topics;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Failure policy for every consumer: a few blocking retries with exponential backoff, then the record goes to
 * {@code <topic>.DLT} (same partition) and the partition moves on, so one poison event never blocks the events
 * behind it. Malformed events skip the retries. Each record the broker accepted on a dead-letter topic counts in
 * {@value #DEAD_LETTERS} by that topic.
 */
public final class EventConsumerErrorHandling {

  public static final String DEAD_LETTERS = "mash.consumer.dead.letters";

  private EventConsumerErrorHandling() {
  }

  public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, int retries, Duration firstBackoff,
      MeterRegistry meters) {
    // Every dead-letter topic shows from the start at 0, so "any increase" alerts and dashboards need no data first.
    for (String topic : List.of(Topics.REFERRAL_EVENTS, Topics.TRIAGE_EVENTS, Topics.CASE_EVENTS)) {
      deadLetters(meters, topic + Topics.DEAD_LETTER_SUFFIX);
    }
    DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
        (record, error) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, record.partition()));
    ExponentialBackOff backOff = new ExponentialBackOff(firstBackoff.toMillis(), 2.0);
    backOff.setMaxAttempts(retries);
    // Counted after the recoverer returns: it throws when the dead-letter send fails, and the record is retried.
    // Consumer-aware, so the recoverer is called exactly as the error handler would call it unwrapped.
    ConsumerAwareRecordRecoverer counted = (record, consumer, error) -> {
      recoverer.accept(record, consumer, error);
      deadLetters(meters, record.topic() + Topics.DEAD_LETTER_SUFFIX).increment();
    };
    DefaultErrorHandler handler = new DefaultErrorHandler(counted, backOff);
    handler.addNotRetryableExceptions(MalformedEventException.class, IllegalArgumentException.class);
    return handler;
  }

  private static Counter deadLetters(MeterRegistry meters, String deadLetterTopic) {
    return Counter.builder(DEAD_LETTERS)
        .description("Records this service's consumers sent to a dead-letter topic")
        .tag("topic", deadLetterTopic)
        .register(meters);
  }
}
