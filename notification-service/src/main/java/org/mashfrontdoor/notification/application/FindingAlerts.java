package org.mashfrontdoor.notification.application;

import java.util.List;
import org.mashfrontdoor.notification.domain.Alert;

/** What MASH staff see: the alerts of one referral, or the latest across all referrals. */
public final class FindingAlerts {

  /** How many alerts the unfiltered list shows. */
  public static final int RECENT_LIMIT = 100;

  private final Alerts alerts;

  public FindingAlerts(Alerts alerts) {
    this.alerts = alerts;
  }

  public List<Alert> ofReferral(String referralId) {
    return alerts.ofReferral(referralId);
  }

  public List<Alert> mostRecent() {
    return alerts.mostRecent(RECENT_LIMIT);
  }
}
