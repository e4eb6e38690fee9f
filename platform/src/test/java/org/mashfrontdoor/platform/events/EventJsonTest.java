package org.mashfrontdoor.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonTest {

  @Test
  void an_envelope_survives_the_wire_in_cloudevents_shape() {
    EventEnvelope event = EventEnvelope.create("/mash/referral-intake", "referral.received.v1", "ref-1",
        Instant.parse("2026-11-23T09:00:00Z"), Map.of("reference", "MARF-2026-000001"));

    String json = EventJson.write(event);

    assertThat(json).contains("\"specversion\":\"1.0\"", "\"subject\":\"ref-1\"",
        "\"time\":\"2026-11-23T09:00:00Z\"", "\"datacontenttype\":\"application/json\"");
    EventEnvelope back = EventJson.read(json);
    assertThat(back).isEqualTo(event);
    assertThat(back.data().get("reference").asString()).isEqualTo("MARF-2026-000001");
  }

  @Test
  void anything_but_an_envelope_is_malformed_and_never_retried() {
    assertThatThrownBy(() -> EventJson.read("not json")).isInstanceOf(MalformedEventException.class);
    assertThatThrownBy(() -> EventJson.read("{\"id\":\"x\"}")).isInstanceOf(MalformedEventException.class);
    assertThatThrownBy(() -> EventJson.read("null")).isInstanceOf(MalformedEventException.class);
  }
}
