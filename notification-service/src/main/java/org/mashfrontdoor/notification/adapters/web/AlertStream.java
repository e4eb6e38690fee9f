package org.mashfrontdoor.notification.adapters.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mashfrontdoor.notification.application.Alerts;
import org.mashfrontdoor.notification.application.RaisingAlerts;
import org.mashfrontdoor.notification.domain.Alert;
import org.mashfrontdoor.platform.scheduling.PollingLoop;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live in-app stream. Each connected reader has its own cursor into the stored alerts (in the order
 * they were stored) and is sent everything after it, so a reader resuming with {@code Last-Event-ID} misses
 * nothing, and alerts raised on another instance reach it at the next poll. A new alert on this instance wakes the
 * loop at once, so an urgent alert reaches a connected reader well within a second of its event being consumed.
 * Nothing here waits for email or SMS: the channels have their own loops. Each reader is written to on a virtual
 * thread of its own, so a client that stops reading holds up nobody else.
 */
public class AlertStream extends PollingLoop implements RaisingAlerts.NewAlerts {

  private static final int BATCH = 100;

  private final Alerts alerts;
  private final Clock clock;
  private final Duration timeout;
  private final int maxReaders;
  private final List<Reader> readers = new CopyOnWriteArrayList<>();

  /**
   * How far back each pass looks again. A position is taken before the alert is filed in the stream's order and
   * inserted (two writes that wait for a majority), so an alert can become readable after one with a later position
   * (several threads and instances insert, and a write can wait seconds on a slow replica set): each pass re-reads
   * this window behind the cursor, passing over what that reader was sent without reading it, so such an alert is
   * still sent unless it became readable more than this after its position was taken.
   */
  private static final long WINDOW_SECONDS = 120;

  private static final class Reader {
    final SseEmitter emitter;
    /** Alerts sent (or, at connect, already behind the reader) within the window, by id, with their position. */
    final java.util.Map<String, String> sent = new java.util.HashMap<>();
    String cursor;
    /** Set while a virtual thread of its own is writing to this reader: one slow reader never holds up another. */
    final java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean();

    Reader(SseEmitter emitter, String cursor) {
      this.emitter = emitter;
      this.cursor = cursor;
    }
  }

  public AlertStream(Alerts alerts, Clock clock, Duration pollInterval, Duration timeout, int maxReaders) {
    super("alert-stream", pollInterval);
    this.alerts = alerts;
    this.clock = clock;
    this.timeout = timeout;
    this.maxReaders = maxReaders;
  }

  /** Every reader costs a little memory and a write per alert: their number is bounded ({@code stream-max-readers}). */
  public static final class Full extends RuntimeException {
    Full(int maxReaders) {
      super("The live alert stream has its " + maxReaders + " readers already");
    }
  }

  /**
   * A new reader: after {@code lastEventId}'s alert if it names one, otherwise from now on.
   *
   * @throws Full when the stream has as many readers as it may (the reader retries later, resuming losslessly)
   */
  public SseEmitter connect(String lastEventId) {
    if (readers.size() >= maxReaders) {
      throw new Full(maxReaders);
    }
    SseEmitter emitter = new SseEmitter(timeout.toMillis());
    String start = lastEventId == null || lastEventId.isBlank() ? null
        : alerts.positionOf(lastEventId.strip()).orElse(null);
    if (start == null) {
      start = alerts.lastPosition(); // from now on
    }
    Reader reader = new Reader(emitter, start);
    // Everything at or before the start counts as already sent, so the window re-read does not repeat it.
    for (Alerts.Positioned behind : alerts.after(windowBefore(start), 10_000)) {
      if (behind.position().compareTo(start) <= 0) {
        reader.sent.put(behind.alert().alertId(), behind.position());
      }
    }
    emitter.onCompletion(() -> readers.remove(reader));
    emitter.onTimeout(() -> readers.remove(reader));
    emitter.onError(e -> readers.remove(reader));
    readers.add(reader);
    wake();
    return emitter;
  }

  /** How many readers are connected (a gauge, and for tests). */
  public int readers() {
    return readers.size();
  }

  /** Ends every open stream, so a graceful shutdown is not held up by readers that never hang up. */
  @Override
  public void stop() {
    readers.forEach(reader -> reader.emitter.complete());
    readers.clear();
    super.stop();
  }

  @Override
  public void raised(Alert alert) {
    wake();
  }

  @Override
  protected void pass() {
    for (Reader reader : readers) {
      // Each reader is served on a virtual thread of its own; one still busy (a client not reading) is skipped.
      if (reader.busy.compareAndSet(false, true)) {
        Thread.ofVirtual().name("alert-stream-reader").start(() -> {
          try {
            serve(reader);
          } catch (RuntimeException e) {
            // The store is away: the next pass tries again from the same cursor.
          } finally {
            reader.busy.set(false);
          }
        });
      }
    }
  }

  private void serve(Reader reader) {
    Instant began = clock.instant();
    String from = windowBefore(reader.cursor);
    while (true) {
      List<Alerts.Positioned> batch = alerts.after(from, BATCH, alertId -> !reader.sent.containsKey(alertId));
      for (Alerts.Positioned next : batch) {
        from = next.position();
        Alert alert = next.alert();
        if (reader.sent.containsKey(alert.alertId())) {
          continue;
        }
        try {
          reader.emitter.send(SseEmitter.event().id(alert.alertId()).name(alert.type().name())
              .data(AlertResponse.of(alert), MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
          readers.remove(reader); // the client went away; it resumes with Last-Event-ID
          reader.emitter.completeWithError(gone);
          return;
        }
        reader.sent.put(alert.alertId(), next.position());
        if (next.position().compareTo(reader.cursor) > 0) {
          reader.cursor = next.position();
        }
      }
      if (batch.size() < BATCH) {
        break;
      }
    }
    // This pass read everything readable after the cursor when it began: a reader sent nothing for a while goes on
    // from there, so its next pass re-reads the window before it, not every minute since its last alert.
    String passed = Alerts.positionAt(began);
    if (passed.compareTo(reader.cursor) > 0) {
      reader.cursor = passed;
    }
    String oldest = windowBefore(reader.cursor);
    reader.sent.values().removeIf(position -> position.compareTo(oldest) < 0);
  }

  /** The first position {@value #WINDOW_SECONDS} seconds before {@code position}'s second. */
  private static String windowBefore(String position) {
    return Alerts.positionAt(Alerts.timeOf(position).minusSeconds(WINDOW_SECONDS));
  }
}
