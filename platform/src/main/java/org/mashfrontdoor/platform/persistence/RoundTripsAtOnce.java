package org.mashfrontdoor.platform.persistence;

import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Two store calls of which neither needs the other's result nor its order, sent at once: the caller waits one round
 * trip (and, on a store that groups commits, one commit) instead of two. A write among them must be safe to repeat,
 * as every write of a consumer is: when either call fails the other may have been applied, and the caller's retry
 * applies both again.
 */
public final class RoundTripsAtOnce {

  private RoundTripsAtOnce() {
  }

  /**
   * Runs {@code first} on the calling thread and {@code second} on a virtual thread of its own, and returns what the
   * second answered once both have ended. A failure is thrown as it was (the first's if both failed, with the
   * second's suppressed), so callers tell faults to wait out from what can never succeed as they would for one call.
   */
  public static <T> T run(Runnable first, Supplier<T> second) {
    AtomicReference<T> answer = new AtomicReference<>();
    run(first, () -> answer.set(second.get()));
    return answer.get();
  }

  /** As {@link #run(Runnable, Supplier)}, for two calls that answer nothing. */
  public static void run(Runnable first, Runnable second) {
    Throwable[] secondFailed = new Throwable[1];
    Thread other = Thread.ofVirtual().name("round-trips-at-once").start(() -> {
      try {
        second.run();
      } catch (Throwable e) {
        secondFailed[0] = e;
      }
    });
    Throwable failed = null;
    try {
      first.run();
    } catch (Throwable e) {
      failed = e;
    }
    boolean interrupted = false;
    while (true) {
      try {
        other.join();
        break;
      } catch (InterruptedException e) {
        // The second call runs on: its outcome still decides this one's. Keep the interrupt for the caller.
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failed == null) {
      failed = secondFailed[0]; // join() makes the other thread's write to the array visible here
    } else if (secondFailed[0] != null && secondFailed[0] != failed) {
      failed.addSuppressed(secondFailed[0]);
    }
    switch (failed) {
      case null -> { }
      case RuntimeException e -> throw e;
      case Error e -> throw e;
      // A checked exception thrown past the compiler: never taken for success, so nothing depending on it follows.
      default -> throw new UndeclaredThrowableException(failed);
    }
  }
}
