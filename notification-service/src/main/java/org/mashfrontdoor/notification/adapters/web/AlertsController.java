package org.mashfrontdoor.notification.adapters.web;

import java.util.List;
import org.mashfrontdoor.notification.application.FindingAlerts;
import org.mashfrontdoor.notification.domain.Alert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/alerts")
public class AlertsController {

  private final FindingAlerts findingAlerts;

  public AlertsController(FindingAlerts findingAlerts) {
    this.findingAlerts = findingAlerts;
  }

  /** The alerts of one referral, or without {@code referralId} the 100 most recent; oldest first either way. */
  @GetMapping
  public List<AlertResponse> alerts(@RequestParam(required = false) String referralId) {
    List<Alert> alerts = referralId == null || referralId.isBlank()
        ? findingAlerts.mostRecent()
        : findingAlerts.ofReferral(referralId);
    return alerts.stream().map(AlertResponse::of).toList();
  }
}
