package org.mashfrontdoor.platform.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * How a listener on {@code PlatformAutoConfiguration.BATCH_LISTENERS} handles a poll: every record read into what it
 * asks of the service, then all of that handled in one call, so a poll costs a few store round trips, not a few per
 * record (docs/performance.md). Every failure reaches the error handler naming one record by its place in the poll
 * ({@link EventConsumerErrorHandling#failedAt}), once those before it are handled:
 * <ul>
 *   <li>a record that cannot be read: those before it are handled, then it is named (and dead-lettered);</li>
 *   <li>a fault while handling (the store away): named at the first record handled, where the error handler waits it
 *   out, counting each wait, and the poll comes again from there;</li>
 *   <li>a failure no retry changes while handling: the records are handled again one at a time, to find and name the
 *   one that cannot be, so only it is dead-lettered.</li>
 * </ul>
 * The handling must therefore be idempotent, as every consumer's is: records are handled again after a fault, or one
 * at a time after a failure.
 */
public final class EventPoll {

  private EventPoll() {
  }

  /**
   * Reads each record's value with {@code read} (what it asks of the service, in order: nothing when the event is not
   * this listener's business) and hands all of it to {@code handle} at once.
   */
  public static <T> void handle(List<ConsumerRecord<String, String>> records, Function<String, List<T>> read,
      Consumer<List<T>> handle) {
    List<T> asked = new ArrayList<>();
    List<Integer> places = new ArrayList<>();
    for (int place = 0; place < records.size(); place++) {
      List<T> one;
      try {
        one = read.apply(records.get(place).value());
      } catch (RuntimeException e) {
        handle(asked, places, handle);
        throw EventConsumerErrorHandling.failedAt(place, e);
      }
      for (T item : one) {
        asked.add(item);
        places.add(place);
      }
    }
    handle(asked, places, handle);
  }

  private static <T> void handle(List<T> asked, List<Integer> places, Consumer<List<T>> handle) {
    if (asked.isEmpty()) {
      return;
    }
    try {
      handle.accept(asked);
      return;
    } catch (RuntimeException e) {
      if (!EventConsumerErrorHandling.canNeverSucceed(e)) {
        throw EventConsumerErrorHandling.failedAt(places.getFirst(), e);
      }
    }
    for (int from = 0, to; from < asked.size(); from = to) {
      int place = places.get(from);
      to = from;
      while (to < asked.size() && places.get(to) == place) {
        to++;
      }
      try {
        handle.accept(asked.subList(from, to));
      } catch (RuntimeException alone) {
        throw EventConsumerErrorHandling.failedAt(place, alone);
      }
    }
  }
}
