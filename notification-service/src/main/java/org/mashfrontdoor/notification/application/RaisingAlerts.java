package org.mashfrontdoor.notification.application;

import java.time.Clock;
import org.mashfrontdoor.notification.domain.Alert;
import org.mashfrontdoor.notification.domain.AlertTrigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the alerts an event raises. Each alert is one insert keyed by an id derived from the event, so a
 * redelivered event (or a retry after only some of its alerts were stored) adds only what is missing.
 */
public final class RaisingAlerts {

  private static final Logger log = LoggerFactory.getLogger(RaisingAlerts.class);

  private final Alerts alerts;
  private final Clock clock;

  public RaisingAlerts(Alerts alerts, Clock clock) {
    this.alerts = alerts;
    this.clock = clock;
  }

  /** Returns how many new alerts were stored. */
  public int on(AlertTrigger trigger) {
    int stored = 0;
    for (Alert alert : trigger.alertsAt(clock.instant())) {
      if (alerts.add(alert)) {
        stored++;
        log.info("Alert {} ({}) raised for referral {} by event {}", alert.alertId(), alert.type(),
            alert.referralId(), alert.eventId());
      } else {
        log.info("Alert {} for event {} already raised; redelivery ignored", alert.alertId(), alert.eventId());
      }
    }
    return stored;
  }
}
