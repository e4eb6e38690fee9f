package org.mashfrontdoor.platform.inbox;

import java.time.Duration;
import org.apache.kafka.common.TopicPartition;
import org.mashfrontdoor.platform.events.MalformedEventException;
import org.mashfrontdoor.platform.events.Topics;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Failure policy for every consumer: a few blocking retries with exponential backoff, then the record goes to
 * {@code <topic>.DLT} (same partition) and the partition moves on, so one poison event never blocks the events
 * behind it. Malformed events skip the retries.
 */
public final class EventConsumerErrorHandling {

  private EventConsumerErrorHandling() {
  }

  public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, int retries, Duration firstBackoff) {
    DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
        (record, error) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, record.partition()));
    ExponentialBackOff backOff = new ExponentialBackOff(firstBackoff.toMillis(), 2.0);
    backOff.setMaxAttempts(retries);
    DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
    handler.addNotRetryableExceptions(MalformedEventException.class, IllegalArgumentException.class);
    return handler;
  }
}
