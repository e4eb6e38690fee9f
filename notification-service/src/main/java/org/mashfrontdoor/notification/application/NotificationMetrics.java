package org.mashfrontdoor.notification.application;

import java.time.Duration;
import org.mashfrontdoor.notification.domain.AlertType;
import org.mashfrontdoor.notification.domain.Channel;

/** What notification-service measures (docs/metrics.md). */
public interface NotificationMetrics {

  void raised(AlertType type);

  void delivered(Channel channel, boolean sent);

  void acknowledged(AlertType type, Duration afterRaised);

  void escalated(AlertType escalatedType);

  NotificationMetrics NONE = new NotificationMetrics() {
    @Override
    public void raised(AlertType type) {
    }

    @Override
    public void delivered(Channel channel, boolean sent) {
    }

    @Override
    public void acknowledged(AlertType type, Duration afterRaised) {
    }

    @Override
    public void escalated(AlertType escalatedType) {
    }
  };
}
