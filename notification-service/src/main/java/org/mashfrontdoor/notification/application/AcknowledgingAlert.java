package org.mashfrontdoor.notification.application;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.mashfrontdoor.notification.domain.Alert;

/**
 * A member of MASH staff acknowledges an alert: who and when are kept and its escalation stops. Repeating it
 * changes nothing. A concurrent change (a delivery recorded, the escalation clock) makes it read and apply again.
 */
public final class AcknowledgingAlert {

  private static final int ATTEMPTS = 10;

  /** The alert changed under every attempt (answered 409: try again). */
  public static final class KeptChanging extends RuntimeException {
    public KeptChanging(String alertId) {
      super("Alert " + alertId + " kept changing while it was acknowledged; try again.");
    }
  }

  private final Alerts alerts;
  private final Clock clock;
  private final NotificationMetrics metrics;

  public AcknowledgingAlert(Alerts alerts, Clock clock, NotificationMetrics metrics) {
    this.alerts = alerts;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** The alert as acknowledged (by this or an earlier acknowledgement); empty when no alert has the id. */
  public Optional<Alert> acknowledge(String alertId, String staffId) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Optional<Alert> found = alerts.withId(alertId);
      if (found.isEmpty() || found.get().isAcknowledged()) {
        return found;
      }
      Alert current = found.get();
      Alert acknowledged = current.acknowledge(staffId, clock.instant().truncatedTo(ChronoUnit.MILLIS));
      if (alerts.update(acknowledged, current.version())) {
        metrics.acknowledged(current.type(), Duration.between(current.createdAt(), acknowledged.acknowledgedAt()));
        return alerts.withId(alertId);
      }
    }
    throw new KeptChanging(alertId);
  }
}
