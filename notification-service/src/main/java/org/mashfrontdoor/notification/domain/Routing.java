package org.mashfrontdoor.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mashfrontdoor.platform.time.WorkingDayCalendar;

/**
 * Who is alerted, as data (configuration): for each alert type its severity and audience; for each audience the
 * addresses that reach it; how long an urgent alert may wait unacknowledged before it escalates; and the office
 * hours outside which urgent alerts also go to the emergency duty team. Seed defaults: urgent contact to the duty
 * MASH manager; an approaching deadline to the MASH team; a breach to the MASH manager and head of service; case
 * deadlines to the case's team manager.
 */
public final class Routing {

  /** One type's route. */
  public record Route(Severity severity, List<Audience> audience) {
    public Route {
      Objects.requireNonNull(severity, "severity");
      audience = List.copyOf(audience);
      if (audience.isEmpty()) {
        throw new IllegalArgumentException("a route names at least one audience");
      }
    }
  }

  /** The addresses of one audience: team mailboxes and on-call phones (SMS for urgent alerts only). */
  public record Recipients(List<String> emails, List<String> phones) {
    public Recipients {
      // A blank entry (an unset phone number in configuration) is no address at all.
      emails = emails == null ? List.of() : emails.stream().filter(e -> e != null && !e.isBlank()).toList();
      phones = phones == null ? List.of() : phones.stream().filter(p -> p != null && !p.isBlank()).toList();
    }
  }

  private final Map<AlertType, Route> routes;
  private final Map<Audience, Recipients> recipients;
  private final Duration escalateAfter;
  private final WorkingDayCalendar calendar;
  private final LocalTime officeOpens;
  private final LocalTime officeCloses;

  public Routing(Map<AlertType, Route> routes, Map<Audience, Recipients> recipients, Duration escalateAfter,
      WorkingDayCalendar calendar, LocalTime officeOpens, LocalTime officeCloses) {
    this.routes = new EnumMap<>(routes);
    this.recipients = recipients.isEmpty() ? new EnumMap<>(Audience.class) : new EnumMap<>(recipients);
    this.escalateAfter = Objects.requireNonNull(escalateAfter, "escalateAfter");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.officeOpens = Objects.requireNonNull(officeOpens, "officeOpens");
    this.officeCloses = Objects.requireNonNull(officeCloses, "officeCloses");
    for (AlertType type : AlertType.values()) {
      if (type != AlertType.ESCALATED && !this.routes.containsKey(type)) {
        throw new IllegalArgumentException("no route for alert type " + type);
      }
    }
    if (escalateAfter.isNegative() || escalateAfter.isZero()) {
      throw new IllegalArgumentException("escalate-after must be positive");
    }
  }

  public Duration escalateAfter() {
    return escalateAfter;
  }

  /** The raised alert with its severity, audience, escalation time (urgent alerts only) and owed deliveries. */
  public Alert route(Alert raised, Instant now) {
    Route route = routes.get(raised.type());
    List<Audience> audience = new ArrayList<>(route.audience());
    if (route.severity() == Severity.URGENT && outOfHours(now) && !audience.contains(Audience.EMERGENCY_DUTY_TEAM)) {
      audience.add(Audience.EMERGENCY_DUTY_TEAM);
    }
    Instant escalatesAt = route.severity() == Severity.URGENT && audience.get(0).escalatesTo().isPresent()
        ? now.plus(escalateAfter) : null;
    return raised.routed(route.severity(), audience, escalatesAt, deliveries(audience, route.severity(), now));
  }

  /**
   * The escalation of an urgent alert nobody acknowledged: one ESCALATED alert to the next audience up, which
   * escalates again after the same period while there is anyone further up. Empty at the top of the ladder.
   */
  public Optional<Alert> escalationOf(Alert unacknowledged, Instant now) {
    Optional<Audience> next = unacknowledged.audience().isEmpty() ? Optional.empty()
        : unacknowledged.audience().get(0).escalatesTo();
    if (next.isEmpty()) {
      return Optional.empty();
    }
    int level = unacknowledged.level() + 1;
    String root = unacknowledged.rootAlertId();
    Alert escalation = Alert.raise(root + ":level-" + level, AlertType.ESCALATED, unacknowledged.referralId(),
        unacknowledged.reference(), now, "Not acknowledged within " + inWords(escalateAfter) + " ("
            + unacknowledged.type() + "): " + unacknowledged.summary())
        .withReasons(unacknowledged.reasons())
        .aboutCase(unacknowledged.caseId(), unacknowledged.kind(), unacknowledged.dueBy())
        .escalating(root, level);
    List<Audience> audience = List.of(next.get());
    Instant escalatesAt = next.get().escalatesTo().isPresent() ? now.plus(escalateAfter) : null;
    return Optional.of(escalation.routed(Severity.URGENT, audience, escalatesAt,
        deliveries(audience, Severity.URGENT, now)));
  }

  /** "15 minutes", "20 seconds": how long it waited, as people say it. */
  static String inWords(Duration wait) {
    if (wait.toSeconds() % 60 != 0) {
      return wait.toSeconds() + " seconds";
    }
    long minutes = wait.toMinutes();
    return minutes == 1 ? "1 minute" : minutes + " minutes";
  }

  /** Outside office hours on working days (England and Wales), or on a weekend or bank holiday. */
  public boolean outOfHours(Instant at) {
    ZonedDateTime local = at.atZone(calendar.zone());
    LocalTime time = local.toLocalTime();
    try {
      return !calendar.isWorkingDay(local.toLocalDate()) || time.isBefore(officeOpens) || !time.isBefore(officeCloses);
    } catch (WorkingDayCalendar.OutsideCalendar beyond) {
      return true; // beyond the calendar's years: treat as out of hours, so the emergency duty team hears too
    }
  }

  private List<Delivery> deliveries(List<Audience> audience, Severity severity, Instant now) {
    List<Delivery> owed = new ArrayList<>();
    for (Audience who : audience) {
      Recipients to = recipients.getOrDefault(who, new Recipients(List.of(), List.of()));
      to.emails().forEach(email -> owed.add(Delivery.owed(Channel.EMAIL, email, now)));
      if (severity == Severity.URGENT) {
        to.phones().forEach(phone -> owed.add(Delivery.owed(Channel.SMS, phone, now)));
      }
    }
    return owed.stream().distinct().toList();
  }
}
