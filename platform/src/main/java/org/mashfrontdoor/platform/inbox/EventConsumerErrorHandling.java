package org.mashfrontdoor.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.mashfrontdoor.platform.events.MalformedEventException;
import org.mashfrontdoor.platform.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.core.JacksonException;

/**
 * Failure policy for every consumer. An event that can never succeed (malformed, failing validation: the
 * {@link #NEVER_SUCCEEDS} exceptions) goes at once to {@code <topic>.DLT} (same partition), redacted
 * ({@link RedactedDeadLetters}), and the partition moves on. Anything else is an infrastructure fault (store or
 * broker away, a timeout): the record is retried without limit with exponential backoff, the consumer holding its
 * position, so processing resumes exactly where it stopped. Dead letters count in {@value #DEAD_LETTERS} by topic,
 * each wait in {@value #INFRASTRUCTURE_WAITS}.
 */
public final class EventConsumerErrorHandling {

  public static final String DEAD_LETTERS = "mash.consumer.dead.letters";
  public static final String INFRASTRUCTURE_WAITS = "mash.consumer.infrastructure.waits";

  /**
   * Deterministic failures: retrying the same record gives the same answer. Listeners signal bad data with
   * {@link MalformedEventException} or {@link IllegalArgumentException} (missing fields, unknown codes:
   * {@code Enum.valueOf}); the rest are what bad data makes the JDK or Jackson throw. Spring Kafka's own
   * defaults (deserialization, conversion, {@code ClassCastException}) stay non-retryable too.
   */
  @SuppressWarnings("unchecked")
  static final List<Class<? extends Exception>> NEVER_SUCCEEDS = List.of(MalformedEventException.class,
      IllegalArgumentException.class, NullPointerException.class, DateTimeException.class,
      JacksonException.class);

  private static final Logger log = LoggerFactory.getLogger(EventConsumerErrorHandling.class);

  /** Only to classify, exactly as every handler built here does; it recovers nothing. */
  private static final WaitingOutFaults CLASSIFICATION = classifying((record, consumer, error) -> {
  }, new ExponentialBackOff());

  /**
   * Whether the error handler dead-letters {@code error} rather than wait it out: one of {@link #NEVER_SUCCEEDS}
   * or of Spring Kafka's own non-retryable defaults, or caused by one. For a listener that must agree with the
   * handler: one that skips bad data itself (a projection that must not dead-letter what the alert listeners already
   * do), or one that names the record that failed in a poll.
   */
  public static boolean canNeverSucceed(Throwable error) {
    return !CLASSIFICATION.retryable(error);
  }

  private EventConsumerErrorHandling() {
  }

  /**
   * What a listener that takes a poll's records together throws when the record at {@code place} failed with
   * {@code cause} (those before it handled): the error handler commits those before it, then dead-letters that record
   * alone if {@code cause} can never succeed, or waits the fault out on it. Its message names only the place.
   *
   * <p>Two classes, one per answer: Spring Kafka keeps a record's backoff while the exception it meets there stays of
   * the same class, so a record first waited out for a fault and then found bad must fail with another class to be
   * classified again, and dead-lettered rather than retried for ever.
   */
  public static BatchListenerFailedException failedAt(int place, RuntimeException cause) {
    String message = "record " + place + " of the poll";
    return canNeverSucceed(cause) ? new NeverSucceedsAt(message, cause, place) : new FaultAt(message, cause, place);
  }

  /** A record of a poll that can never succeed. */
  static final class NeverSucceedsAt extends BatchListenerFailedException {
    NeverSucceedsAt(String message, Throwable cause, int place) {
      super(message, cause, place);
    }
  }

  /** A record of a poll at which a fault is waited out. */
  static final class FaultAt extends BatchListenerFailedException {
    FaultAt(String message, Throwable cause, int place) {
      super(message, cause, place);
    }
  }

  public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, Duration firstBackoff,
      Duration maxBackoff, MeterRegistry meters) {
    // Every dead-letter topic shows from the start at 0, so "any increase" alerts and dashboards need no data first.
    for (String topic : List.of(Topics.REFERRAL_EVENTS, Topics.TRIAGE_EVENTS, Topics.CASE_EVENTS)) {
      deadLetters(meters, topic + Topics.DEAD_LETTER_SUFFIX);
    }
    Counter waits = Counter.builder(INFRASTRUCTURE_WAITS)
        .description("Backoff steps consumers waited out an infrastructure fault (store or broker away)")
        .register(meters);
    DeadLetterPublishingRecoverer recoverer = new RedactedDeadLetters(template,
        (record, error) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, record.partition()));
    ExponentialBackOff backOff = new ExponentialBackOff(firstBackoff.toMillis(), 2.0);
    backOff.setMaxInterval(maxBackoff.toMillis());
    // Unlimited: a store outage of any length is waited out, never turned into dead letters.
    backOff.setMaxElapsedTime(Long.MAX_VALUE);
    backOff.setMaxAttempts(Integer.MAX_VALUE);
    // Counted after the recoverer returns: it throws when the dead-letter send fails, and the record is retried.
    // Consumer-aware, so the recoverer is called exactly as the error handler would call it unwrapped.
    ConsumerAwareRecordRecoverer counted = (record, consumer, error) -> {
      recoverer.accept(record, consumer, error);
      deadLetters(meters, record.topic() + Topics.DEAD_LETTER_SUFFIX).increment();
      log.warn("Dead-lettered {} to {}: {}", where(record), record.topic() + Topics.DEAD_LETTER_SUFFIX,
          describe(error));
    };
    WaitingOutFaults handler = classifying(counted, backOff);
    // Our one line per backoff step below replaces Spring's stack trace per attempt (and its exception messages).
    handler.setLogLevel(KafkaException.Level.DEBUG);
    handler.setRetryListeners(new RetryListener() {
      @Override
      public void failedDelivery(ConsumerRecord<?, ?> record, Exception error, int deliveryAttempt) {
        // Called before a dead letter too: only a fault that will be waited out is one.
        if (!handler.retryable(error)) {
          return;
        }
        waits.increment();
        // Position and exception class only: messages and values may carry personal data.
        log.warn("Waiting out an infrastructure fault at {} (attempt {}): {}", where(record), deliveryAttempt,
            describe(error));
      }
    });
    return handler;
  }

  @SuppressWarnings("unchecked")
  private static WaitingOutFaults classifying(ConsumerAwareRecordRecoverer recoverer, ExponentialBackOff backOff) {
    WaitingOutFaults handler = new WaitingOutFaults(recoverer, backOff);
    handler.addNotRetryableExceptions(NEVER_SUCCEEDS.toArray(Class[]::new));
    return handler;
  }

  /** The error handler, able to say which exceptions it retries (the retry listener needs to know). */
  static final class WaitingOutFaults extends DefaultErrorHandler {
    WaitingOutFaults(ConsumerAwareRecordRecoverer recoverer, ExponentialBackOff backOff) {
      super(recoverer, backOff);
    }

    boolean retryable(Throwable error) {
      return getExceptionMatcher().match(error);
    }
  }

  static Exception unwrapped(Exception error) {
    return error instanceof ListenerExecutionFailedException && error.getCause() instanceof Exception cause
        ? cause : error;
  }

  private static String where(ConsumerRecord<?, ?> record) {
    return record.topic() + "-" + record.partition() + "@" + record.offset();
  }

  /** The listener's exception class and, when it wraps one, the root cause's: never a message. */
  private static String describe(Throwable error) {
    Throwable thrown = error instanceof Exception e ? unwrapped(e) : error;
    Throwable root = thrown;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == thrown ? thrown.getClass().getName()
        : thrown.getClass().getName() + " caused by " + root.getClass().getName();
  }

  private static Counter deadLetters(MeterRegistry meters, String deadLetterTopic) {
    return Counter.builder(DEAD_LETTERS)
        .description("Records this service's consumers sent to a dead-letter topic")
        .tag("topic", deadLetterTopic)
        .register(meters);
  }
}
