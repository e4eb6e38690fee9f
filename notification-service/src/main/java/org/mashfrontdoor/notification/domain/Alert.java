package org.mashfrontdoor.notification.domain;

import org.mashfrontdoor.platform.codes.CaseDeadlineKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One alert for MASH staff. It holds ids and a plain-English {@code summary} only: never a child's name or the
 * concern summary, which this service has no need to keep. {@code caseId}, {@code kind} and {@code dueBy} are
 * set for a case deadline only.
 */
public record Alert(
    String alertId,
    String referralId,
    String reference,
    AlertType type,
    Instant createdAt,
    String eventId,
    String summary,
    boolean acknowledged,
    String caseId,
    CaseDeadlineKind kind,
    Instant dueBy) {

  public Alert {
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(referralId, "referralId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(summary, "summary");
  }

  /** A new, unacknowledged alert raised by the event {@code eventId}. */
  static Alert raise(String eventId, AlertType type, String referralId, String reference, Instant at,
      String summary) {
    return new Alert(idFor(eventId, type), referralId, reference, type, at, eventId, summary, false, null, null,
        null);
  }

  /** This alert, naming the case deadline it is about. */
  Alert aboutCase(String caseId, CaseDeadlineKind kind, Instant dueBy) {
    return new Alert(alertId, referralId, reference, type, createdAt, eventId, summary, acknowledged, caseId, kind,
        dueBy);
  }

  /** The same event and reason always give the same id, so a redelivered event raises nothing new. */
  public static String idFor(String eventId, AlertType type) {
    return UUID.nameUUIDFromBytes((eventId + ":" + type.name()).getBytes(StandardCharsets.UTF_8)).toString();
  }
}
