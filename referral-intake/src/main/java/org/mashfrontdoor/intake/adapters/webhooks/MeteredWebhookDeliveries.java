package org.mashfrontdoor.intake.adapters.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.mashfrontdoor.intake.application.WebhookDeliveries;
import org.mashfrontdoor.intake.domain.StatusNotification;

/**
 * Counts failed webhook deliveries (docs/metrics.md, pipeline health) as they are recorded:
 * {@code mash.webhook.delivery.failures{outcome="RETRY"}} for an attempt that failed and will be retried,
 * {@code outcome="GAVE_UP"} for a delivery that failed for good. A cancelled delivery (the partner unsubscribed)
 * is not a failure.
 */
final class MeteredWebhookDeliveries implements WebhookDeliveries {

  static final String FAILURES = "mash.webhook.delivery.failures";

  private final WebhookDeliveries deliveries;
  private final Counter retried;
  private final Counter gaveUp;

  MeteredWebhookDeliveries(WebhookDeliveries deliveries, MeterRegistry meters) {
    this.deliveries = deliveries;
    // Both registered at 0, so rate() and alerts work before the first failure.
    this.retried = failures(meters, "RETRY");
    this.gaveUp = failures(meters, "GAVE_UP");
  }

  private static Counter failures(MeterRegistry meters, String outcome) {
    return Counter.builder(FAILURES)
        .description("Failed webhook deliveries to partners: RETRY (will try again) or GAVE_UP (failed for good)")
        .tag("outcome", outcome)
        .register(meters);
  }

  @Override
  public boolean queue(StatusNotification notification, Instant now) {
    return deliveries.queue(notification, now);
  }

  @Override
  public List<Delivery> claimDue(Instant now, Duration lease, int limit) {
    return deliveries.claimDue(now, lease, limit);
  }

  @Override
  public void delivered(Delivery delivery, Instant at) {
    deliveries.delivered(delivery, at);
  }

  @Override
  public void retryAt(Delivery delivery, Instant next, String reason) {
    deliveries.retryAt(delivery, next, reason);
    retried.increment();
  }

  @Override
  public void giveUp(Delivery delivery, String status, Instant at, String reason) {
    deliveries.giveUp(delivery, status, at, reason);
    if ("FAILED".equals(status)) {
      gaveUp.increment();
    }
  }
}
