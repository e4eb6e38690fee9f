package org.mashfrontdoor.notification.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.mashfrontdoor.platform.codes.CaseDeadlineKind;

/**
 * One alert for MASH staff: what happened ({@code type}, a plain-English {@code summary} of references and times,
 * never a child's name or the concern), how urgent ({@code severity}), who must act ({@code audience}), whether
 * someone has ({@code acknowledgedBy}), when it escalates if nobody does ({@code escalatesAt}), and the durable
 * {@code deliveries} it is owed by email and SMS. {@code caseId}, {@code kind} and {@code dueBy} are set for a case
 * deadline only; {@code escalationOf} and {@code level} for an escalation (the alert it escalates, and how far up).
 * {@code version} is the stored revision, so an acknowledgement, the escalation clock and the deliveries never
 * overwrite each other.
 */
public record Alert(
    String alertId,
    String referralId,
    String reference,
    AlertType type,
    Severity severity,
    List<Audience> audience,
    Instant createdAt,
    String eventId,
    String summary,
    List<String> reasons,
    String caseId,
    CaseDeadlineKind kind,
    Instant dueBy,
    String acknowledgedBy,
    Instant acknowledgedAt,
    Instant escalatesAt,
    String escalationOf,
    int level,
    List<Delivery> deliveries,
    long version) {

  public Alert {
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(referralId, "referralId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(summary, "summary");
    audience = audience == null ? List.of() : List.copyOf(audience);
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
  }

  /** A new alert raised by the event {@code eventId}, not yet routed (see {@link Routing#route}). */
  static Alert raise(String eventId, AlertType type, String referralId, String reference, Instant at,
      String summary) {
    return new Alert(idFor(eventId, type), referralId, reference, type, Severity.INFO, List.of(), at, eventId,
        summary, List.of(), null, null, null, null, null, null, null, 0, List.of(), 0);
  }

  /** This alert, naming the case deadline it is about. */
  Alert aboutCase(String newCaseId, CaseDeadlineKind newKind, Instant newDueBy) {
    return new Alert(alertId, referralId, reference, type, severity, audience, createdAt, eventId, summary, reasons,
        newCaseId, newKind, newDueBy, acknowledgedBy, acknowledgedAt, escalatesAt, escalationOf, level, deliveries,
        version);
  }

  Alert withReasons(List<String> newReasons) {
    return new Alert(alertId, referralId, reference, type, severity, audience, createdAt, eventId, summary,
        newReasons, caseId, kind, dueBy, acknowledgedBy, acknowledgedAt, escalatesAt, escalationOf, level, deliveries,
        version);
  }

  Alert routed(Severity newSeverity, List<Audience> newAudience, Instant newEscalatesAt, List<Delivery> owed) {
    return new Alert(alertId, referralId, reference, type, newSeverity, newAudience, createdAt, eventId, summary,
        reasons, caseId, kind, dueBy, acknowledgedBy, acknowledgedAt, newEscalatesAt, escalationOf, level, owed,
        version);
  }

  Alert escalating(String rootAlertId, int newLevel) {
    return new Alert(alertId, referralId, reference, type, severity, audience, createdAt, eventId, summary, reasons,
        caseId, kind, dueBy, acknowledgedBy, acknowledgedAt, escalatesAt, rootAlertId, newLevel, deliveries,
        version);
  }

  /** The same event and reason always give the same id, so a redelivered event raises nothing new. */
  public static String idFor(String eventId, AlertType type) {
    return UUID.nameUUIDFromBytes((eventId + ":" + type.name()).getBytes(StandardCharsets.UTF_8)).toString();
  }

  public boolean isAcknowledged() {
    return acknowledgedBy != null;
  }

  /** The alert this one escalates, or itself: what an acknowledgement anywhere in the chain stops. */
  public String rootAlertId() {
    return escalationOf == null ? alertId : escalationOf;
  }

  /**
   * Someone has seen it and is acting: who and when are kept, escalation stops. Acknowledging again changes
   * nothing (the first acknowledgement stands). Deliveries already owed still go out: acknowledging stops the
   * escalation, not the first delivery.
   */
  public Alert acknowledge(String staffId, Instant at) {
    Objects.requireNonNull(staffId, "staffId");
    if (isAcknowledged()) {
      return this;
    }
    return new Alert(alertId, referralId, reference, type, severity, audience, createdAt, eventId, summary, reasons,
        caseId, kind, dueBy, staffId, at, null, escalationOf, level, deliveries, version);
  }

  /** Whether its escalation is due at {@code now}. */
  public boolean escalationDue(Instant now) {
    return escalatesAt != null && !isAcknowledged() && !escalatesAt.isAfter(now);
  }

  /** The escalation has been raised (or is no longer needed): this alert escalates no further. */
  public Alert escalated() {
    return new Alert(alertId, referralId, reference, type, severity, audience, createdAt, eventId, summary, reasons,
        caseId, kind, dueBy, acknowledgedBy, acknowledgedAt, null, escalationOf, level, deliveries, version);
  }

  /** Whether any delivery over {@code channel} is due at {@code now}. */
  public boolean deliveryDue(Channel channel, Instant now) {
    return deliveries.stream().anyMatch(d -> d.channel() == channel && d.isDue(now));
  }

  /** When the next delivery over {@code channel} is to be tried; null when none is pending. */
  public Instant nextDeliveryAt(Channel channel) {
    return deliveries.stream().filter(d -> d.channel() == channel && d.state() == Delivery.State.PENDING)
        .map(Delivery::nextAttemptAt).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
  }

  /**
   * Claims this channel's deliveries due at {@code now} for one sender until {@code until}: their next attempt moves
   * to then, so another instance reading the alert leaves them alone (and retries them after the lease if this one
   * dies mid-send).
   */
  public Alert leaseDeliveries(Channel channel, Instant now, Instant until) {
    List<Delivery> leased = deliveries.stream().map(d -> d.channel() == channel && d.isDue(now)
        ? new Delivery(d.channel(), d.recipient(), d.state(), d.attempts(), d.lastError(), until, d.sentAt())
        : d).toList();
    return new Alert(alertId, referralId, reference, type, severity, audience, createdAt, eventId, summary, reasons,
        caseId, kind, dueBy, acknowledgedBy, acknowledgedAt, escalatesAt, escalationOf, level, leased, version);
  }

  /** This alert with the outcome of delivery attempts, by {@link Delivery#key()}; others unchanged. */
  public Alert withDeliveries(Map<String, Delivery> attempted) {
    List<Delivery> updated = new ArrayList<>(deliveries.size());
    for (Delivery d : deliveries) {
      Delivery result = attempted.get(d.key());
      // A delivery already SENT stays sent, even if a slower attempt's result arrives after it.
      updated.add(result == null || d.state() != Delivery.State.PENDING ? d : result);
    }
    return new Alert(alertId, referralId, reference, type, severity, audience, createdAt, eventId, summary, reasons,
        caseId, kind, dueBy, acknowledgedBy, acknowledgedAt, escalatesAt, escalationOf, level, updated, version);
  }
}
