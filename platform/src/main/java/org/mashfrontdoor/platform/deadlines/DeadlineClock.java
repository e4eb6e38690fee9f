package org.mashfrontdoor.platform.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The durable due-sheet clock, for any aggregate that holds deadlines: reads the items whose next alarm has come
 * ({@link DueSheet#due}) and fires each with one version-checked write that carries the events it announces. It holds
 * no timers of its own: all it knows is in the store, so a restart or a second instance loses and duplicates
 * nothing. Any number of instances may run it at once: for each alarm exactly one write succeeds, the others see a
 * conflict and skip the item. Triage's MASH decision clock and case-service's statutory clocks both run on it.
 */
public final class DeadlineClock<T> {

  /** Where the clocked aggregates are kept. */
  public interface DueSheet<T> {

    /** Items with an alarm due at {@code now}, soonest first, at most {@code limit}. */
    List<T> due(Instant now, int limit);

    /**
     * Advances {@code item} at {@code now} and stores it if it is unchanged since read. Returns how many alarms it
     * announced, or {@link #LOST} when someone else changed the item first (the next poll sees the new state).
     */
    int fire(T item, Instant now);
  }

  /** {@link DueSheet#fire} lost the race for an item. */
  public static final int LOST = -1;

  private final DueSheet<T> sheet;
  private final Clock clock;
  private final int batchSize;

  public DeadlineClock(DueSheet<T> sheet, Clock clock, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size is at least 1");
    }
    this.sheet = sheet;
    this.clock = clock;
    this.batchSize = batchSize;
  }

  /** Fires every alarm due now, batch by batch; returns how many alarms it announced. */
  public int fireDue() {
    int announced = 0;
    while (true) {
      Instant now = clock.instant();
      List<T> due = sheet.due(now, batchSize);
      int written = 0;
      for (T item : due) {
        int fired = sheet.fire(item, now);
        if (fired != LOST) {
          written++;
          announced += fired;
        }
      }
      // A short batch means the sheet is drained; a full batch where nothing could be written means others are
      // working the same rows: leave them to it until the next poll.
      if (due.size() < batchSize || written == 0) {
        return announced;
      }
    }
  }
}
