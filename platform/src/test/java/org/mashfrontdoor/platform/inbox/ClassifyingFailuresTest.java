package org.mashfrontdoor.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoTimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.events.MalformedEventException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/** A listener asks the error handler's own classification whether a failure can never succeed. */
@DisplayName("Which failures can never succeed: the error handler's own answer")
class ClassifyingFailuresTest {

  @Test
  void bad_data_can_never_succeed_however_it_is_wrapped() {
    MalformedEventException malformed = new MalformedEventException("no deadline");
    assertThat(EventConsumerErrorHandling.canNeverSucceed(malformed)).isTrue();
    assertThat(EventConsumerErrorHandling.canNeverSucceed(new IllegalArgumentException("unknown code"))).isTrue();
    assertThat(EventConsumerErrorHandling.canNeverSucceed(new BatchListenerFailedException("at 3", malformed, 3)))
        .isTrue();
    assertThat(EventConsumerErrorHandling.canNeverSucceed(new ListenerExecutionFailedException("failed",
        new RuntimeException(malformed)))).isTrue();
  }

  @Test
  void spring_kafkas_own_non_retryable_defaults_agree() {
    assertThat(EventConsumerErrorHandling.canNeverSucceed(new ClassCastException())).isTrue();
  }

  @Test
  void faults_of_the_store_or_broker_are_waited_out() {
    MongoTimeoutException storeAway = new MongoTimeoutException("store away");
    assertThat(EventConsumerErrorHandling.canNeverSucceed(storeAway)).isFalse();
    assertThat(EventConsumerErrorHandling.canNeverSucceed(new IllegalStateException("contention"))).isFalse();
    assertThat(EventConsumerErrorHandling.canNeverSucceed(new BatchListenerFailedException("at 0", storeAway, 0)))
        .isFalse();
  }
}
