package org.mashfrontdoor.intake.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mashfrontdoor.intake.application.WebhookDeliveries.Delivery;
import org.mashfrontdoor.intake.domain.DeliverySchedule;
import org.mashfrontdoor.intake.domain.Referral;
import org.mashfrontdoor.intake.domain.StatusNotification;
import org.mashfrontdoor.intake.domain.WebhookSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells subscribed partners about their referrals' status changes, without ever touching the path that accepts a
 * referral or follows triage.
 *
 * <p>Two steps, each safe to repeat and to crash in: {@link #queueChanges} turns every referral change since a
 * partner's position into deliveries (deterministic ids, so a repeat queues nothing) and only then moves the
 * position on; {@link #claimDue} and {@link #attempt} make the deliveries, retrying with backoff.
 *
 * <p>A change is read only once it is {@code settle} old: a write stamped {@code updatedAt} just before a sweep
 * may commit just after it, and must not fall behind a position that already moved past it.
 */
public class NotifyingPartners {

  private static final Logger log = LoggerFactory.getLogger(NotifyingPartners.class);

  private final Referrals referrals;
  private final Webhooks webhooks;
  private final WebhookDeliveries deliveries;
  private final PartnerEndpoints endpoints;
  private final Clock clock;
  private final Duration settle;
  private final Duration lease;
  private final DeliverySchedule schedule;

  public NotifyingPartners(Referrals referrals, Webhooks webhooks, WebhookDeliveries deliveries,
      PartnerEndpoints endpoints, Clock clock, Duration settle, Duration lease, DeliverySchedule schedule) {
    this.referrals = referrals;
    this.webhooks = webhooks;
    this.deliveries = deliveries;
    this.endpoints = endpoints;
    this.clock = clock;
    this.settle = settle;
    this.lease = lease;
    this.schedule = schedule;
  }

  /** Queues deliveries for every subscribed partner's settled referral changes. Returns how many were new. */
  public int queueChanges(int pageSize) {
    int queued = 0;
    for (WebhookSubscription subscription : webhooks.all()) {
      queued += queueChanges(subscription, pageSize);
    }
    return queued;
  }

  private int queueChanges(WebhookSubscription subscription, int pageSize) {
    Instant horizon = clock.instant().minus(settle);
    Instant position = subscription.changesSince();
    int limit = pageSize;
    int queued = 0;
    while (position.isBefore(horizon)) {
      List<Referral> page = referrals.updatedSince(subscription.partnerId(), position, limit);
      if (page.size() == limit && page.getLast().updatedAt().equals(position)) {
        limit *= 2; // a full page of changes stamped the same millisecond: read more at once to get past it
        continue;
      }
      Instant next = position;
      boolean more = page.size() == limit;
      for (int i = 0; i < page.size(); i++) {
        Referral referral = page.get(i);
        if (!referral.updatedAt().isBefore(horizon)) {
          more = false;
          break;
        }
        for (StatusNotification notification : StatusNotification.of(referral)) {
          if (deliveries.queue(notification, clock.instant())) {
            queued++;
          }
        }
        boolean lastOfItsMillisecond = i + 1 < page.size() ? page.get(i + 1).updatedAt().isAfter(referral.updatedAt())
            : !more;
        // Everything stamped at or before this millisecond has now been read, so the next read starts after it.
        next = lastOfItsMillisecond ? referral.updatedAt().plusMillis(1) : referral.updatedAt();
      }
      if (next.isAfter(position)) {
        webhooks.advance(subscription.partnerId(), next);
        position = next;
      }
      if (!more) {
        break;
      }
      limit = pageSize;
    }
    return queued;
  }

  /** Claims up to {@code limit} due deliveries for this instance to attempt. */
  public List<Delivery> claimDue(int limit) {
    return limit <= 0 ? List.of() : deliveries.claimDue(clock.instant(), lease, limit);
  }

  /** Makes one attempt: delivered, or retried later with backoff, or given up. */
  public void attempt(Delivery delivery) {
    StatusNotification notification = delivery.notification();
    Optional<WebhookSubscription> subscription = webhooks.of(notification.partnerId());
    if (subscription.isEmpty()) {
      deliveries.giveUp(delivery, "CANCELLED", clock.instant(), "no subscription");
      return;
    }
    PartnerEndpoints.Result result = endpoints.post(subscription.get(), notification);
    Instant now = clock.instant();
    if (result.delivered()) {
      deliveries.delivered(delivery, now);
      return;
    }
    Optional<Instant> next = schedule.nextAttempt(delivery.attempt(), delivery.queuedAt(), now);
    if (next.isPresent()) {
      deliveries.retryAt(delivery, next.get(), result.reason());
    } else {
      deliveries.giveUp(delivery, "FAILED", now, result.reason());
      log.warn("Webhook delivery {} (referral {}, {}) to partner {} failed after {} attempts: {}",
          notification.deliveryId(), notification.referralId(), notification.milestone(), notification.partnerId(),
          delivery.attempt(), result.reason());
    }
  }
}
