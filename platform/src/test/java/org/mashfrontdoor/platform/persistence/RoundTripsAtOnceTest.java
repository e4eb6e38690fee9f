package org.mashfrontdoor.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Two independent store calls sent at once")
class RoundTripsAtOnceTest {

  @Test
  void both_run_at_the_same_time_and_the_call_returns_once_both_have_ended() {
    CountDownLatch secondStarted = new CountDownLatch(1);
    CountDownLatch firstEnded = new CountDownLatch(1);
    AtomicBoolean firstSawSecond = new AtomicBoolean();
    AtomicBoolean secondEnded = new AtomicBoolean();

    RoundTripsAtOnce.run(() -> {
      // One after the other, the second would not have started yet.
      firstSawSecond.set(await(secondStarted));
      firstEnded.countDown();
    }, () -> {
      secondStarted.countDown();
      await(firstEnded); // so the second ends after the first: the call must still wait for it
      secondEnded.set(true);
    });

    assertThat(firstSawSecond).as("the second write began while the first waited").isTrue();
    assertThat(secondEnded).as("returned only after the second write ended").isTrue();
  }

  @Test
  void what_the_second_answers_is_returned_once_both_have_ended() {
    CountDownLatch firstEnded = new CountDownLatch(1);

    assertThat(RoundTripsAtOnce.run(firstEnded::countDown, () -> await(firstEnded) ? "found" : "too early"))
        .isEqualTo("found");
  }

  @Test
  void a_failure_of_the_second_is_thrown_as_it_was_once_both_have_ended() {
    IllegalStateException storeAway = new IllegalStateException("store away");
    CountDownLatch firstEnded = new CountDownLatch(1);

    assertThatThrownBy(() -> RoundTripsAtOnce.run(firstEnded::countDown, () -> {
      await(firstEnded);
      throw storeAway;
    })).isSameAs(storeAway);
  }

  @Test
  void a_failure_of_the_first_is_thrown_as_it_was_once_the_second_has_ended() {
    IllegalStateException storeAway = new IllegalStateException("store away");
    AtomicBoolean secondEnded = new AtomicBoolean();
    CountDownLatch secondStarted = new CountDownLatch(1);

    assertThatThrownBy(() -> RoundTripsAtOnce.run(() -> {
      await(secondStarted);
      throw storeAway;
    }, () -> {
      secondStarted.countDown();
      secondEnded.set(true);
    })).isSameAs(storeAway);
    assertThat(secondEnded).isTrue();
  }

  @Test
  void when_both_fail_the_first_failure_is_thrown_with_the_second_suppressed() {
    IllegalStateException first = new IllegalStateException("first");
    IllegalArgumentException second = new IllegalArgumentException("second");

    assertThatThrownBy(() -> RoundTripsAtOnce.run(() -> {
      throw first;
    }, () -> {
      throw second;
    })).isSameAs(first).satisfies(e -> assertThat(e.getSuppressed()).containsExactly(second));
  }

  @Test
  void an_interrupt_of_the_caller_still_waits_for_the_second_and_is_kept_for_the_caller() {
    CountDownLatch firstEnded = new CountDownLatch(1);
    AtomicBoolean secondEnded = new AtomicBoolean();

    RoundTripsAtOnce.run(() -> {
      Thread.currentThread().interrupt(); // as a listener's container stopping would
      firstEnded.countDown();
    }, () -> {
      await(firstEnded);
      secondEnded.set(true);
    });

    assertThat(Thread.interrupted()).as("the interrupt kept for the caller (and cleared here)").isTrue();
    assertThat(secondEnded).as("returned only after the second call ended").isTrue();
  }

  @Test
  void the_same_failure_from_both_is_thrown_once() {
    IllegalStateException storeAway = new IllegalStateException("store away");

    assertThatThrownBy(() -> RoundTripsAtOnce.run(() -> {
      throw storeAway;
    }, () -> {
      throw storeAway;
    })).isSameAs(storeAway).satisfies(e -> assertThat(e.getSuppressed()).isEmpty());
  }

  @Test
  void a_checked_failure_thrown_past_the_compiler_is_never_taken_for_success() {
    IOException socket = new IOException("socket closed");

    assertThatThrownBy(() -> RoundTripsAtOnce.run(() -> { }, () -> throwUnchecked(socket)))
        .isInstanceOf(UndeclaredThrowableException.class).hasCause(socket);
  }

  /** As code compiled elsewhere can: a checked exception its caller's signature does not name. */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> void throwUnchecked(Throwable e) throws E {
    throw (E) e;
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
