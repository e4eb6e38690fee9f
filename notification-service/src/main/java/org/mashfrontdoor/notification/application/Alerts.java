package org.mashfrontdoor.notification.application;

import java.util.List;
import org.mashfrontdoor.notification.domain.Alert;

/** The alerts raised so far. */
public interface Alerts {

  /** Stores the alert unless one with its id exists; returns false when it did (a redelivered event). */
  boolean add(Alert alert);

  /** The alerts about one referral, oldest first. */
  List<Alert> ofReferral(String referralId);

  /** The {@code limit} most recent alerts, oldest first. */
  List<Alert> mostRecent(int limit);
}
