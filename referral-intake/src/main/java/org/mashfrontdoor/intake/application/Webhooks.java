package org.mashfrontdoor.intake.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mashfrontdoor.intake.domain.WebhookSubscription;

/** Port: the partners' webhook subscriptions, one per partner. */
public interface Webhooks {

  /**
   * Stores the partner's subscription (url, secret). Replacing an existing one keeps how far its changes have been
   * looked at, so nothing is notified twice or skipped; returns true when the partner had none before.
   */
  boolean save(WebhookSubscription subscription);

  Optional<WebhookSubscription> of(String partnerId);

  /** Returns false when the partner had no subscription. */
  boolean remove(String partnerId);

  List<WebhookSubscription> all();

  /** Moves the partner's {@code changesSince} forward to {@code position} (never backwards). */
  void advance(String partnerId, Instant position);
}
