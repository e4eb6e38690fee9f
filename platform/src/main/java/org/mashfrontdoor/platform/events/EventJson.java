package org.mashfrontdoor.platform.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping used for events on the wire, kept apart from the web layer's mapper so that a change to
 * HTTP formatting can never change an event contract.
 */
public final class EventJson {

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
      // Consumers must tolerate fields added by newer producers of the same versioned type.
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private EventJson() {
  }

  public static JsonMapper mapper() {
    return MAPPER;
  }

  public static String write(EventEnvelope event) {
    return MAPPER.writeValueAsString(event);
  }

  /** Parses an envelope, or throws {@link MalformedEventException} (never retried: it goes to the DLT). */
  public static EventEnvelope read(String json) {
    try {
      EventEnvelope event = MAPPER.readValue(json, EventEnvelope.class);
      if (event == null) {
        throw new MalformedEventException("empty event");
      }
      return event;
    } catch (JacksonException | NullPointerException e) {
      throw new MalformedEventException("not a CloudEvents JSON envelope: " + e.getClass().getSimpleName());
    }
  }

  static JsonNode toTree(Object data) {
    return MAPPER.valueToTree(data);
  }

  static <T> T fromTree(JsonNode node, Class<T> type) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JacksonException e) {
      throw new MalformedEventException("event data does not match " + type.getSimpleName());
    }
  }
}
