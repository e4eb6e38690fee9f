package org.mashfrontdoor.notification.adapters.web;

import java.time.Instant;
import java.util.List;
import org.mashfrontdoor.notification.domain.Alert;

/**
 * One alert as staff tooling sees it (also the {@code data} of each stream event). {@code caseId}, {@code kind} and
 * {@code dueBy} for a case deadline only; {@code deliveries} only when one alert is read.
 */
public record AlertResponse(String alertId, String referralId, String reference, String type, String severity,
    List<String> audience, Instant createdAt, String summary, List<String> reasons, String caseId, String kind,
    Instant dueBy, String acknowledgedBy, Instant acknowledgedAt, Instant escalatesAt, String escalationOf,
    int level, List<DeliveryResponse> deliveries) {

  public record DeliveryResponse(String channel, String recipient, String state, int attempts, String lastError,
      Instant nextAttemptAt, Instant sentAt) {
  }

  public static AlertResponse of(Alert a) {
    return of(a, false);
  }

  static AlertResponse withDeliveries(Alert a) {
    return of(a, true);
  }

  private static AlertResponse of(Alert a, boolean deliveries) {
    return new AlertResponse(a.alertId(), a.referralId(), a.reference(), a.type().name(), a.severity().name(),
        a.audience().stream().map(Enum::name).toList(), a.createdAt(), a.summary(), a.reasons(), a.caseId(),
        a.kind() == null ? null : a.kind().name(), a.dueBy(), a.acknowledgedBy(), a.acknowledgedAt(),
        a.escalatesAt(), a.escalationOf(), a.level(), !deliveries ? null : a.deliveries().stream()
            .map(d -> new DeliveryResponse(d.channel().name(), d.recipient(), d.state().name(), d.attempts(),
                d.lastError(), d.nextAttemptAt(), d.sentAt())).toList());
  }
}
