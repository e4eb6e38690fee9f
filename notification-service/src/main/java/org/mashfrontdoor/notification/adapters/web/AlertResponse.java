package org.mashfrontdoor.notification.adapters.web;

import java.time.Instant;
import org.mashfrontdoor.notification.domain.Alert;

/** One alert as staff tooling sees it. */
public record AlertResponse(String alertId, String referralId, String reference, String type, Instant createdAt,
    String summary) {

  static AlertResponse of(Alert alert) {
    return new AlertResponse(alert.alertId(), alert.referralId(), alert.reference(), alert.type().name(),
        alert.createdAt(), alert.summary());
  }
}
