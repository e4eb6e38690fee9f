package org.mashfrontdoor.intake.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.mashfrontdoor.intake.domain.StatusNotification;

/** Port: the webhook deliveries still to make, and what became of the others. */
public interface WebhookDeliveries {

  /** A delivery being attempted: its notification, which attempt this is, and when it was queued. */
  record Delivery(StatusNotification notification, int attempt, Instant queuedAt) {
  }

  /** Queues a delivery, due now. Returns false, changing nothing, when that delivery id is already queued or done. */
  boolean queue(StatusNotification notification, Instant now);

  /**
   * Claims up to {@code limit} deliveries due at {@code now}, counting an attempt for each and hiding it from
   * every other claimer for {@code lease} (so a crash mid-attempt only delays it).
   */
  List<Delivery> claimDue(Instant now, Duration lease, int limit);

  void delivered(Delivery delivery, Instant at);

  void retryAt(Delivery delivery, Instant next, String reason);

  /** No more attempts: {@code FAILED} after the retry window, {@code CANCELLED} when the subscription is gone. */
  void giveUp(Delivery delivery, String status, Instant at, String reason);
}
