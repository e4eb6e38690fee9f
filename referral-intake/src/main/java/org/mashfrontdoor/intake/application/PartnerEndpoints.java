package org.mashfrontdoor.intake.application;

import org.mashfrontdoor.intake.domain.StatusNotification;
import org.mashfrontdoor.intake.domain.WebhookSubscription;

/** Port: POSTs a signed notification to a partner's webhook. */
public interface PartnerEndpoints {

  /** {@code reason} says why not (an HTTP status or an exception name; never a response body). */
  record Result(boolean delivered, String reason) {
  }

  Result post(WebhookSubscription to, StatusNotification notification);
}
