package org.mashfrontdoor.notification.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.mashfrontdoor.notification.domain.Alert;
import org.mashfrontdoor.notification.domain.AlertTrigger;
import org.mashfrontdoor.notification.domain.Routing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the alerts an event raises, routed (severity, audience, escalation, owed deliveries). Each alert is one
 * insert keyed by an id derived from the event, so a redelivered event (or a retry after only some of its alerts
 * were stored) adds only what is missing, and owes no delivery twice.
 */
public final class RaisingAlerts {

  private static final Logger log = LoggerFactory.getLogger(RaisingAlerts.class);

  /** Told of every new alert at once, so the live stream need not wait for its next poll. */
  public interface NewAlerts {
    void raised(Alert alert);
  }

  private final Alerts alerts;
  private final Routing routing;
  private final Clock clock;
  private final NotificationMetrics metrics;
  private final NewAlerts newAlerts;

  public RaisingAlerts(Alerts alerts, Routing routing, Clock clock, NotificationMetrics metrics, NewAlerts newAlerts) {
    this.alerts = alerts;
    this.routing = routing;
    this.clock = clock;
    this.metrics = metrics;
    this.newAlerts = newAlerts;
  }

  /** Returns how many new alerts were stored. */
  public int on(AlertTrigger trigger) {
    return onAll(List.of(trigger));
  }

  /**
   * The alerts of many triggers (a poll's events), stored in one write, in the order of their triggers; returns how
   * many were new.
   */
  public int onAll(List<? extends AlertTrigger> triggers) {
    List<Alert> routed = new ArrayList<>();
    for (AlertTrigger trigger : triggers) {
      // Read per trigger: alerts raised one after another keep distinct, ordered times.
      var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      for (Alert raised : trigger.alertsAt(now)) {
        routed.add(routing.route(raised, now));
      }
    }
    if (routed.isEmpty()) {
      return 0;
    }
    List<Boolean> added = alerts.addAll(routed);
    int stored = 0;
    for (int i = 0; i < routed.size(); i++) {
      Alert alert = routed.get(i);
      if (added.get(i)) {
        stored++;
        metrics.raised(alert.type());
        newAlerts.raised(alert);
        log.info("Alert {} ({}, {}) raised for {} by event {}", alert.alertId(), alert.type(), alert.severity(),
            alert.audience(), alert.eventId());
      } else {
        log.info("Alert {} for event {} already raised; redelivery ignored", alert.alertId(), alert.eventId());
      }
    }
    return stored;
  }
}
