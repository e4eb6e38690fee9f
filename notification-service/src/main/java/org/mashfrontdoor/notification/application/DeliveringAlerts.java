package org.mashfrontdoor.notification.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.mashfrontdoor.notification.domain.Alert;
import org.mashfrontdoor.notification.domain.Delivery;
import org.mashfrontdoor.platform.deadlines.DeadlineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery ledger of one channel, worked on the platform's due sheet: every alert with a delivery over this
 * channel due now is sent, and each attempt's outcome (sent; or failed, to be retried after a backoff with jitter)
 * is written back to the alert. One loop per channel, so a dead or slow mail server never delays SMS or the live
 * stream. A send whose outcome could not be written (a crash between the two) is sent again: at least once, with a
 * stable Message-ID the mail client can use to drop the copy.
 */
public final class DeliveringAlerts implements DeadlineClock.DueSheet<Alert> {

  private static final Logger log = LoggerFactory.getLogger(DeliveringAlerts.class);
  private static final int ATTEMPTS = 10;
  /** How long a claimed delivery is left to its sender before another instance may try it. */
  private static final java.time.Duration LEASE = java.time.Duration.ofSeconds(60);

  private final Alerts alerts;
  private final AlertSender sender;
  private final Clock clock;
  private final NotificationMetrics metrics;
  private final DeadlineClock<Alert> deadlineClock;

  public DeliveringAlerts(Alerts alerts, AlertSender sender, Clock clock, NotificationMetrics metrics) {
    this.alerts = alerts;
    this.sender = sender;
    this.clock = clock;
    this.metrics = metrics;
    this.deadlineClock = new DeadlineClock<>(this, clock, 50);
  }

  public int deliverDue() {
    return deadlineClock.fireDue();
  }

  @Override
  public List<Alert> due(Instant now, int limit) {
    return alerts.dueDeliveries(sender.channel(), now, limit);
  }

  @Override
  public int fire(Alert alert, Instant now) {
    if (!alert.deliveryDue(sender.channel(), now)) {
      return 0;
    }
    // Claim first (a version-checked write), so two instances never both send the same delivery.
    if (!alerts.update(alert.leaseDeliveries(sender.channel(), now, now.plus(LEASE)), alert.version())) {
      return DeadlineClock.LOST;
    }
    Map<String, Delivery> attempted = new HashMap<>();
    int sent = 0;
    for (Delivery delivery : alert.deliveries()) {
      if (delivery.channel() != sender.channel() || !delivery.isDue(now)) {
        continue;
      }
      Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      try {
        sender.send(alert, delivery);
        attempted.put(delivery.key(), delivery.sent(at));
        metrics.delivered(sender.channel(), true);
        sent++;
      } catch (AlertSender.NotSent e) {
        attempted.put(delivery.key(), delivery.failed(e.getMessage(), at, ThreadLocalRandom.current().nextDouble()));
        metrics.delivered(sender.channel(), false);
        log.warn("Alert {} not sent by {} (attempt {}): {}", alert.alertId(), sender.channel(),
            delivery.attempts() + 1, e.getMessage());
      }
    }
    if (attempted.isEmpty()) {
      return 0;
    }
    return record(alerts.withId(alert.alertId()).orElse(alert), attempted) ? sent : DeadlineClock.LOST;
  }

  /** Writes the outcomes onto the latest version of the alert (an acknowledgement may have come in meanwhile). */
  private boolean record(Alert read, Map<String, Delivery> attempted) {
    Alert current = read;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (alerts.update(current.withDeliveries(attempted), current.version())) {
        return true;
      }
      Optional<Alert> again = alerts.withId(read.alertId());
      if (again.isEmpty()) {
        return false;
      }
      current = again.get();
    }
    return false;
  }
}
