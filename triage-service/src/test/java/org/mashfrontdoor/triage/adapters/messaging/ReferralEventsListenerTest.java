package org.mashfrontdoor.triage.adapters.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.testsupport.EventContract;
import org.mashfrontdoor.triage.application.OpeningContact;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * A poll of referral events is opened together, and a record that can never open a contact is named to the error
 * handler by its place once those before it are opened (the rest of the failure rules: EventPollTest). The broker and
 * store are not needed to say which record the listener names (TriageServiceIT runs it whole).
 */
@DisplayName("The referral events listener, a poll at a time")
class ReferralEventsListenerTest {

  final String example = EventContract.get().examples(ReferralReceivedV1.TYPE).getFirst();
  final OpeningContact opening = mock(OpeningContact.class);
  final List<List<String>> opened = new ArrayList<>();

  static List<ConsumerRecord<String, String>> poll(String... values) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    for (String value : values) {
      records.add(new ConsumerRecord<>(Topics.REFERRAL_EVENTS, 0, records.size(), "key", value));
    }
    return records;
  }

  /** Records each call's event ids; {@code fails} says which calls throw what. */
  void opening(java.util.function.Function<List<OpeningContact.Received>, RuntimeException> fails) {
    doAnswer(call -> {
      List<OpeningContact.Received> received = call.getArgument(0);
      opened.add(received.stream().map(OpeningContact.Received::eventId).toList());
      RuntimeException failure = fails.apply(received);
      if (failure != null) {
        throw failure;
      }
      return List.of();
    }).when(opening).openAll(any());
  }

  @Test
  void a_poll_is_opened_in_one_call() {
    opening(received -> null);
    new ReferralEventsListener(opening).on(poll(example, example));

    String id = EventJson.read(example).id();
    assertThat(opened).containsExactly(List.of(id, id));
  }

  @Test
  void a_record_that_cannot_be_read_is_named_by_its_place_once_those_before_it_are_opened() {
    opening(received -> null);

    assertThatThrownBy(() -> new ReferralEventsListener(opening).on(poll(example, "{not an event", example)))
        .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(1));
    assertThat(opened).containsExactly(List.of(EventJson.read(example).id()));
  }
}
