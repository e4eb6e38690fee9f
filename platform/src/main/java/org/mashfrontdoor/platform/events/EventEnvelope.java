package org.mashfrontdoor.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One event in the CloudEvents 1.0 structured JSON shape. {@code subject} is always the referral id: it is
 * the Kafka key, so every event about one referral stays in order on one partition.
 */
public record EventEnvelope(
    String specversion,
    String id,
    String source,
    String type,
    String subject,
    Instant time,
    String datacontenttype,
    JsonNode data) {

  public static final String SPEC_VERSION = "1.0";
  public static final String JSON = "application/json";
  /**
   * The CloudEvents Kafka protocol binding's structured mode: this header says the record's value is a whole
   * CloudEvent in JSON, so any CloudEvents SDK reads our records (ADR 0013).
   */
  public static final String CONTENT_TYPE_HEADER = "content-type";
  public static final String STRUCTURED_JSON = "application/cloudevents+json";

  public EventEnvelope {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(data, "data");
    specversion = specversion == null ? SPEC_VERSION : specversion;
    datacontenttype = datacontenttype == null ? JSON : datacontenttype;
  }

  /** A new event with a fresh id; {@code data} is any value Jackson can turn into a JSON object. */
  public static EventEnvelope create(String source, String type, String subject, Instant time, Object data) {
    return new EventEnvelope(SPEC_VERSION, UUID.randomUUID().toString(), source, type, subject, time, JSON,
        EventJson.toTree(data));
  }

  /** The data read back as the given transport type. */
  public <T> T dataAs(Class<T> type) {
    return EventJson.fromTree(data, type);
  }
}
