package org.mashfrontdoor.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * A poll is handled in one call, and every failure names one record by its place once those before it are handled.
 * Here a record's value is read as a comma-separated list of what it asks ("" asks nothing, "!" cannot be read);
 * ConsumerFailurePolicyIT and the services' ITs run the named records through the real error handler and broker.
 */
@DisplayName("A poll of events, handled together and failed record by record")
class EventPollTest {

  final List<List<String>> handled = new ArrayList<>();

  static List<ConsumerRecord<String, String>> poll(String... values) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    for (String value : values) {
      records.add(new ConsumerRecord<>("topic", 0, records.size(), "key", value));
    }
    return records;
  }

  static List<String> read(String value) {
    if (value.equals("!")) {
      throw new IllegalArgumentException("cannot be read");
    }
    return value.isEmpty() ? List.of() : List.of(value.split(","));
  }

  /** Handles a poll, recording each call; {@code fails} says which calls throw what. */
  void handle(List<ConsumerRecord<String, String>> poll, Function<List<String>, RuntimeException> fails) {
    EventPoll.handle(poll, EventPollTest::read, asked -> {
      handled.add(List.copyOf(asked));
      RuntimeException failure = fails.apply(asked);
      if (failure != null) {
        throw failure;
      }
    });
  }

  static int placeNamed(Throwable thrown) {
    return ((BatchListenerFailedException) thrown).getIndex();
  }

  @Test
  void a_poll_is_handled_in_one_call_in_order_skipping_records_that_ask_nothing() {
    handle(poll("a", "", "b,c"), asked -> null);

    assertThat(handled).containsExactly(List.of("a", "b", "c"));
  }

  @Test
  void a_poll_that_asks_nothing_is_not_handed_over() {
    handle(poll("", ""), asked -> null);

    assertThat(handled).isEmpty();
  }

  @Test
  void a_record_that_cannot_be_read_is_named_by_its_place_once_those_before_it_are_handled() {
    assertThatThrownBy(() -> handle(poll("a", "!", "b"), asked -> null))
        .satisfies(e -> assertThat(placeNamed(e)).isEqualTo(1))
        .isInstanceOf(EventConsumerErrorHandling.NeverSucceedsAt.class);
    assertThat(handled).containsExactly(List.of("a"));
  }

  @Test
  void when_the_poll_can_never_be_handled_each_record_is_tried_alone_and_the_one_that_cannot_is_named() {
    assertThatThrownBy(() -> handle(poll("a", "b,c", "d"),
        asked -> asked.size() > 2 || asked.contains("c") ? new IllegalArgumentException("bad") : null))
        .satisfies(e -> assertThat(placeNamed(e)).isEqualTo(1))
        .isInstanceOf(EventConsumerErrorHandling.NeverSucceedsAt.class);
    assertThat(handled).as("all, then record by record, a record's asks together, up to the bad one")
        .containsExactly(List.of("a", "b", "c", "d"), List.of("a"), List.of("b", "c"));
  }

  @Test
  void a_fault_that_may_pass_is_named_at_the_first_record_handled_so_it_is_waited_out_there() {
    IllegalStateException storeAway = new IllegalStateException("store away");

    assertThatThrownBy(() -> handle(poll("", "a", "b"), asked -> storeAway))
        .satisfies(e -> assertThat(placeNamed(e)).isEqualTo(1))
        .isInstanceOf(EventConsumerErrorHandling.FaultAt.class)
        .hasCause(storeAway);
    assertThat(handled).as("not tried one at a time: every one of them may pass").hasSize(1);
  }

  @Test
  void a_fault_while_handling_those_before_a_bad_record_is_named_before_it() {
    IllegalStateException storeAway = new IllegalStateException("store away");

    assertThatThrownBy(() -> handle(poll("a", "!"), asked -> storeAway))
        .satisfies(e -> assertThat(placeNamed(e)).isZero())
        .isInstanceOf(EventConsumerErrorHandling.FaultAt.class)
        .hasCause(storeAway);
  }

  @Test
  void a_fault_met_while_trying_records_alone_is_named_at_the_record_it_met() {
    IllegalStateException storeAway = new IllegalStateException("store away");

    assertThatThrownBy(() -> handle(poll("a", "b"),
        asked -> asked.size() > 1 ? new IllegalArgumentException("bad") : asked.contains("b") ? storeAway : null))
        .satisfies(e -> assertThat(placeNamed(e)).isEqualTo(1))
        .isInstanceOf(EventConsumerErrorHandling.FaultAt.class);
  }
}
