package org.mashfrontdoor.triage.adapters.messaging;

import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.MalformedEventException;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.triage.application.OpeningContact;
import org.mashfrontdoor.triage.application.ReferralReceived;
import org.mashfrontdoor.triage.domain.DashRiskLevel;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Opens a contact for every referral intake received. Other referral events are not triage's business. */
@Component
class ReferralEventsListener {

  private final OpeningContact openingContact;

  ReferralEventsListener(OpeningContact openingContact) {
    this.openingContact = openingContact;
  }

  @KafkaListener(topics = Topics.REFERRAL_EVENTS)
  void on(String message) {
    EventEnvelope event = EventJson.read(message);
    if (!ReferralReceivedV1.TYPE.equals(event.type())) {
      return;
    }
    ReferralReceivedV1 data = event.dataAs(ReferralReceivedV1.class);
    if (data.referralId() == null || !data.referralId().equals(event.subject()) || data.receivedAt() == null) {
      throw new MalformedEventException("referral.received.v1 " + event.id() + " lacks referralId or receivedAt");
    }
    openingContact.open(new ReferralReceived(data.referralId(), data.reference(), data.receivedAt(),
        data.concern() != null && data.concern().immediateRisk(), dashRiskLevel(data, event)), event.id());
  }

  private static DashRiskLevel dashRiskLevel(ReferralReceivedV1 data, EventEnvelope event) {
    if (data.dashRiskLevel() == null) {
      return null;
    }
    try {
      return DashRiskLevel.valueOf(data.dashRiskLevel());
    } catch (IllegalArgumentException e) {
      throw new MalformedEventException("referral.received.v1 " + event.id() + " has an unknown DASH risk level");
    }
  }
}
