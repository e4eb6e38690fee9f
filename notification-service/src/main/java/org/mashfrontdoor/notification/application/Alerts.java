package org.mashfrontdoor.notification.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.mashfrontdoor.notification.domain.Alert;
import org.mashfrontdoor.notification.domain.Channel;

/** The alerts raised so far, each one document with its deliveries. */
public interface Alerts {

  /** One page of alerts, newest first, and how many match in all. */
  record Page(List<Alert> alerts, long total) {
  }

  /**
   * An alert with its position in the order alerts were stored (what the live stream follows: a reader's cursor is
   * the position of the last alert it was sent).
   */
  record Positioned(String position, Alert alert) {
  }

  /** Stores the alert unless one with its id exists; returns false when it did (a redelivered event). */
  default boolean add(Alert alert) {
    return addAll(List.of(alert)).getFirst();
  }

  /**
   * Stores each alert as {@link #add} would, in the order given (a poll's alerts, in one write); answers for each
   * whether it was stored.
   */
  List<Boolean> addAll(List<Alert> alerts);

  /** Stores {@code changed} if the stored alert is still at {@code expectedVersion}; false if it changed meanwhile. */
  boolean update(Alert changed, long expectedVersion);

  Optional<Alert> withId(String alertId);

  /** Alerts newest first: of one referral (or all, when null), unacknowledged only if asked. */
  Page page(String referralId, boolean unacknowledgedOnly, int page, int size);

  /** Alerts stored after {@code position}, in the order they were stored, at most {@code limit}. */
  default List<Positioned> after(String position, int limit) {
    return after(position, limit, alertId -> true);
  }

  /**
   * As {@link #after(String, int)}, of the alerts whose id is {@code wanted} only: the others are passed over unread
   * (a reader re-reading a window it was mostly sent already). Its cost follows the alerts read and the time since
   * {@code position}, never how many alerts are stored.
   */
  List<Positioned> after(String position, int limit, Predicate<String> wanted);

  /** The position of the alert {@code alertId}; empty when there is none. */
  Optional<String> positionOf(String alertId);

  /**
   * A position no earlier than the last alert stored so far: that alert's when one was stored in the last minutes,
   * else {@link #positionAt} now.
   */
  String lastPosition();

  /**
   * The first position of the second {@code at} falls in: every alert stored in an earlier second is before it. A
   * position is the hex of an ObjectId taken when the alert was stored, its time (seconds) first.
   */
  static String positionAt(Instant at) {
    return String.format("%08x", Math.max(0, at.getEpochSecond())) + "0000000000000000";
  }

  /** The second a position was taken in. */
  static Instant timeOf(String position) {
    return Instant.ofEpochSecond(Long.parseLong(position.substring(0, 8), 16));
  }

  /** Unacknowledged alerts whose escalation is due at {@code now}, soonest first. */
  List<Alert> dueEscalations(Instant now, int limit);

  /** Alerts with a delivery over {@code channel} due at {@code now}, soonest first. */
  List<Alert> dueDeliveries(Channel channel, Instant now, int limit);
}
