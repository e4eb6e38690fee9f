package org.mashfrontdoor.notification.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mashfrontdoor.notification.domain.Alert;
import org.mashfrontdoor.notification.domain.Routing;
import org.mashfrontdoor.platform.deadlines.DeadlineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The escalation clock, on the platform's due sheet: an urgent alert still unacknowledged at its
 * {@code escalatesAt} raises one ESCALATED alert to the next audience. The escalation's id derives from the alert
 * it escalates and its level, so a retry or a second instance raises it once; the original is then marked as
 * escalated with a version-checked write. An acknowledgement of any alert in the chain stops it.
 */
public final class EscalatingAlerts implements DeadlineClock.DueSheet<Alert> {

  private static final Logger log = LoggerFactory.getLogger(EscalatingAlerts.class);

  private final Alerts alerts;
  private final Routing routing;
  private final NotificationMetrics metrics;
  private final RaisingAlerts.NewAlerts newAlerts;
  private final DeadlineClock<Alert> deadlineClock;

  public EscalatingAlerts(Alerts alerts, Routing routing, Clock clock, NotificationMetrics metrics,
      RaisingAlerts.NewAlerts newAlerts) {
    this.alerts = alerts;
    this.routing = routing;
    this.metrics = metrics;
    this.newAlerts = newAlerts;
    this.deadlineClock = new DeadlineClock<>(this, clock, 200);
  }

  public int escalateDue() {
    return deadlineClock.fireDue();
  }

  @Override
  public List<Alert> due(Instant now, int limit) {
    return alerts.dueEscalations(now, limit);
  }

  @Override
  public int fire(Alert read, Instant now) {
    // Decide on the alert as it is now, not as the batch read it: an acknowledgement may have landed meanwhile.
    Alert alert = alerts.withId(read.alertId()).orElse(null);
    if (alert == null || !alert.escalationDue(now)) {
      return 0;
    }
    boolean chainAcknowledged = alert.escalationOf() != null
        && alerts.withId(alert.rootAlertId()).map(Alert::isAcknowledged).orElse(false);
    Optional<Alert> escalation = chainAcknowledged ? Optional.empty() : routing.escalationOf(alert, now);
    if (escalation.isPresent() && alerts.add(escalation.get())) {
      metrics.escalated(alert.type());
      newAlerts.raised(escalation.get());
      log.info("Alert {} ({}) not acknowledged: escalated to {} as {}", alert.alertId(), alert.type(),
          escalation.get().audience(), escalation.get().alertId());
    }
    // Raised now or by an earlier attempt that died before this write: either way it escalates no further.
    return alerts.update(alert.escalated(), alert.version()) ? (escalation.isPresent() ? 1 : 0) : DeadlineClock.LOST;
  }
}
