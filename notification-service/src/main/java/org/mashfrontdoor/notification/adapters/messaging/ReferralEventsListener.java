package org.mashfrontdoor.notification.adapters.messaging;

import org.mashfrontdoor.notification.application.RaisingAlerts;
import org.mashfrontdoor.notification.domain.DashRiskLevel;
import org.mashfrontdoor.notification.domain.ReceivedReferral;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Alerts MASH staff to urgent referrals on {@code mash.referral.events}. Events that can never be handled throw
 * {@code MalformedEventException} or {@code IllegalArgumentException} and go straight to the DLT.
 */
@Component
public class ReferralEventsListener {

  private final RaisingAlerts raisingAlerts;

  public ReferralEventsListener(RaisingAlerts raisingAlerts) {
    this.raisingAlerts = raisingAlerts;
  }

  // The group comes from spring.kafka.consumer.group-id (the service name), not from the listener id.
  @KafkaListener(id = "notification-service-referral-events", idIsGroup = false, topics = Topics.REFERRAL_EVENTS)
  public void on(String value) {
    EventEnvelope event = EventJson.read(value);
    if (!ReferralReceivedData.TYPE.equals(event.type())) {
      return; // other referral events are not for staff alerting
    }
    ReferralReceivedData data = event.dataAs(ReferralReceivedData.class);
    if (data.referralId() == null) {
      throw new IllegalArgumentException("referral event " + event.id() + " lacks referralId");
    }
    raisingAlerts.on(new ReceivedReferral(event.id(), data.referralId(), data.reference(),
        data.referrer() == null ? null : data.referrer().agency(),
        data.concern() != null && data.concern().immediateRisk(),
        data.dashRiskLevel() == null ? null : DashRiskLevel.valueOf(data.dashRiskLevel())));
  }
}
