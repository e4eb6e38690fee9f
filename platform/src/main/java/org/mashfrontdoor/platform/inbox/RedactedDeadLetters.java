package org.mashfrontdoor.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.mashfrontdoor.platform.events.EventJson;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dead letters without personal data: a dead-letter topic keeps records as long as its retention and is read by
 * operators, so the value keeps only the envelope's attributes ({@code id}, {@code type}, {@code source},
 * {@code subject} = referral id, {@code time}) with {@code data} replaced by {@code {"redacted":true}}; a value that
 * is not an envelope keeps nothing. Spring's {@code kafka_dlt-original-topic/-partition/-offset} headers say where
 * the original still is ({@code deploy/local/dlt replay} re-publishes it from there while retention lasts); the
 * reason is the exception class and message headers (our listeners' messages name event ids and fields, never
 * values). Stack traces are left out.
 */
public class RedactedDeadLetters extends DeadLetterPublishingRecoverer {

  /** Header naming the dead-lettered event's id (also in the value), so a reader needs no JSON. */
  public static final String EVENT_ID = "mash_dlt-event-id";
  public static final String EVENT_TYPE = "mash_dlt-event-type";

  private static final List<String> KEPT = List.of("specversion", "id", "source", "type", "subject", "time",
      "datacontenttype");
  // An envelope attribute longer than this is not one of ours (ids, types and times are short): not kept.
  private static final int LONGEST_KEPT = 200;

  public RedactedDeadLetters(KafkaOperations<?, ?> template,
      BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination) {
    super(template, destination);
    setExceptionHeadersCreator(RedactedDeadLetters::exceptionHeaders);
  }

  /**
   * The listener's own exception (not Spring's wrapper), its cause's class and its message; no stack trace: it
   * carries nested causes' messages, which we do not control.
   */
  private static void exceptionHeaders(Headers headers, Exception exception, boolean isKey, HeaderNames names) {
    Exception thrown = EventConsumerErrorHandling.unwrapped(exception);
    HeaderNames.ExceptionInfo info = names.getExceptionInfo();
    headers.add(isKey ? info.getKeyExceptionFqcn() : info.getExceptionFqcn(),
        thrown.getClass().getName().getBytes(StandardCharsets.UTF_8));
    if (!isKey && thrown.getCause() != null) {
      headers.add(info.getExceptionCauseFqcn(), thrown.getCause().getClass().getName().getBytes(StandardCharsets.UTF_8));
    }
    if (thrown.getMessage() != null) {
      headers.add(isKey ? info.getKeyExceptionMessage() : info.getExceptionMessage(),
          thrown.getMessage().getBytes(StandardCharsets.UTF_8));
    }
  }

  @Override
  protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
      TopicPartition topicPartition, Headers headers, byte[] key, byte[] value) {
    ObjectNode redacted = redact(value != null ? value : record.value());
    if (redacted.hasNonNull("id")) {
      headers.add(EVENT_ID, redacted.get("id").asString().getBytes(StandardCharsets.UTF_8));
    }
    if (redacted.hasNonNull("type")) {
      headers.add(EVENT_TYPE, redacted.get("type").asString().getBytes(StandardCharsets.UTF_8));
    }
    return new ProducerRecord<>(topicPartition.topic(),
        topicPartition.partition() < 0 ? null : topicPartition.partition(), record.timestamp(),
        key != null ? key : record.key(), EventJson.mapper().writeValueAsString(redacted), headers);
  }

  /** The envelope's short attributes and {@code "data": {"redacted": true}}; nothing else of the original. */
  public static ObjectNode redact(Object value) {
    ObjectNode redacted = EventJson.mapper().createObjectNode();
    JsonNode original = parse(value);
    if (original != null && original.isObject()) {
      for (String attribute : KEPT) {
        JsonNode kept = original.get(attribute);
        if (kept != null && kept.isString() && kept.asString().length() <= LONGEST_KEPT) {
          redacted.put(attribute, kept.asString());
        }
      }
    }
    redacted.putObject("data").put("redacted", true);
    return redacted;
  }

  private static JsonNode parse(Object value) {
    String json = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
        : value instanceof String text ? text : null;
    if (json == null) {
      return null;
    }
    try {
      return EventJson.mapper().readTree(json);
    } catch (JacksonException e) {
      return null;
    }
  }
}
