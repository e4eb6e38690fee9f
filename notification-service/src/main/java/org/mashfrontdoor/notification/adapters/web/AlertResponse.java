package org.mashfrontdoor.notification.adapters.web;

import java.time.Instant;
import org.mashfrontdoor.notification.domain.Alert;

/** One alert as staff tooling sees it; {@code caseId}, {@code kind} and {@code dueBy} for a case deadline only. */
public record AlertResponse(String alertId, String referralId, String reference, String type, Instant createdAt,
    String summary, String caseId, String kind, Instant dueBy) {

  static AlertResponse of(Alert alert) {
    return new AlertResponse(alert.alertId(), alert.referralId(), alert.reference(), alert.type().name(),
        alert.createdAt(), alert.summary(), alert.caseId(), alert.kind() == null ? null : alert.kind().name(),
        alert.dueBy());
  }
}
