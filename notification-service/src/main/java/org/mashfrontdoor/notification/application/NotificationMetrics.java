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

}
