package org.mashfrontdoor.notification.adapters.stream;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mashfrontdoor.notification.adapters.web.AlertResponse;
import org.mashfrontdoor.notification.application.Alerts;
import org.mashfrontdoor.notification.application.RaisingAlerts;
import org.mashfrontdoor.notification.domain.Alert;
import org.mashfrontdoor.platform.scheduling.PollingLoop;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live in-app stream. Each connected reader has its own cursor into the stored alerts (ordered by
 * {@code createdAt}, then id) and is sent everything after it, so a reader resuming with {@code Last-Event-ID} misses
 * nothing, and alerts raised on another instance reach it at the next poll. A new alert on this instance wakes the
 * loop at once, so an urgent alert reaches a connected reader well within a second of its event being consumed.
 * Nothing here waits for email or SMS: the channels have their own loops.
 */
public class AlertStream extends PollingLoop implements RaisingAlerts.NewAlerts {

  private static final int BATCH = 100;

  private final Alerts alerts;
  private final Clock clock;
  private final Duration timeout;
  private final List<Reader> readers = new CopyOnWriteArrayList<>();

  private static final class Reader {
    final SseEmitter emitter;
    volatile Alerts.Cursor cursor;

    Reader(SseEmitter emitter, Alerts.Cursor cursor) {
      this.emitter = emitter;
      this.cursor = cursor;
    }
  }

  public AlertStream(Alerts alerts, Clock clock, Duration pollInterval, Duration timeout) {
    super("alert-stream", pollInterval);
    this.alerts = alerts;
    this.clock = clock;
    this.timeout = timeout;
  }

  /** A new reader: after {@code lastEventId}'s alert if it names one, otherwise from now on. */
  public SseEmitter connect(String lastEventId) {
    SseEmitter emitter = new SseEmitter(timeout.toMillis());
    Alerts.Cursor start = lastEventId == null || lastEventId.isBlank() ? null
        : alerts.withId(lastEventId.strip()).map(a -> new Alerts.Cursor(a.createdAt(), a.alertId())).orElse(null);
    if (start == null) {
      start = new Alerts.Cursor(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), "");
    }
    Reader reader = new Reader(emitter, start);
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

  @Override
  public void raised(Alert alert) {
    wake();
  }

  @Override
  protected void pass() {
    for (Reader reader : readers) {
      List<Alert> next = alerts.after(reader.cursor, BATCH);
      for (Alert alert : next) {
        try {
          reader.emitter.send(SseEmitter.event().id(alert.alertId()).name(alert.type().name())
              .data(AlertResponse.of(alert), MediaType.APPLICATION_JSON));
          reader.cursor = new Alerts.Cursor(alert.createdAt(), alert.alertId());
        } catch (IOException | IllegalStateException gone) {
          readers.remove(reader); // the client went away; it resumes with Last-Event-ID
          break;
        }
      }
    }
  }
}
