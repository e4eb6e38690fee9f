package org.mashfrontdoor.notification.application;

import org.mashfrontdoor.notification.domain.Alert;
import org.mashfrontdoor.notification.domain.Channel;
import org.mashfrontdoor.notification.domain.Delivery;

/** One channel out (email over SMTP, SMS through GOV.UK Notify), behind its own circuit breaker and retries. */
public interface AlertSender {

  Channel channel();

  /**
   * Sends the alert to the delivery's recipient, or throws {@link NotSent}. References, times and links only,
   * never a child's name, date of birth or the concern.
   */
  void send(Alert alert, Delivery delivery) throws NotSent;

  /** The channel refused or failed; {@code reason} names the failure without personal data. */
  final class NotSent extends Exception {
    public NotSent(String reason, Throwable cause) {
      super(reason, cause);
    }
  }
}
