package org.mashfrontdoor.notification.adapters.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.mashfrontdoor.notification.application.NotificationMetrics;
import org.mashfrontdoor.notification.domain.AlertType;
import org.mashfrontdoor.notification.domain.Channel;

/** Alerts raised by type, deliveries by channel and outcome, time to acknowledge, escalations (docs/metrics.md). */
public final class MicrometerNotificationMetrics implements NotificationMetrics {

  private final MeterRegistry registry;

  public MicrometerNotificationMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void raised(AlertType type) {
    Counter.builder("mash.alerts.raised").description("Alerts raised, by type").tag("type", type.name())
        .register(registry).increment();
  }

  @Override
  public void delivered(Channel channel, boolean sent) {
    Counter.builder("mash.alert.deliveries").description("Delivery attempts, by channel and outcome")
        .tag("channel", channel.name()).tag("outcome", sent ? "SENT" : "FAILED")
        .register(registry).increment();
  }

  @Override
  public void acknowledged(AlertType type, Duration afterRaised) {
    Timer.builder("mash.alert.time.to.acknowledge").description("From an alert raised to its acknowledgement")
        .tag("type", type.name()).publishPercentileHistogram()
        .register(registry).record(afterRaised.isNegative() ? Duration.ZERO : afterRaised);
  }

  @Override
  public void escalated(AlertType escalatedType) {
    Counter.builder("mash.alerts.escalated").description("Escalations raised, by the type of the alert escalated")
        .tag("type", escalatedType.name()).register(registry).increment();
  }
}
