package org.mashfrontdoor.triage.adapters.messaging;

import java.util.List;
import org.mashfrontdoor.platform.deadlines.AppliedPolicy;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.MalformedEventException;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.triage.application.OpeningContact;
import org.mashfrontdoor.triage.domain.Child;
import org.mashfrontdoor.triage.domain.DashRiskLevel;
import org.mashfrontdoor.triage.domain.Referral;
import org.mashfrontdoor.triage.domain.ReferralType;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Opens (or joins) a contact for every referral intake received. Other referral events are not triage's business. */
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
    List<Child> children = data.children() == null ? List.of() : data.children().stream()
        .map(c -> new Child(c.dateOfBirth(), c.onChildProtectionPlan())).toList();
    openingContact.open(new Referral(data.referralId(), data.reference(),
        parse(ReferralType.class, data.referralType() == null ? "MARF" : data.referralType(), event),
        data.referrer() == null ? null : data.referrer().agency(),
        data.referrer() == null ? null : data.referrer().organisation(),
        data.receivedAt(), data.decisionDueBy(), deadlinePolicy(data, event),
        data.concern() != null && data.concern().immediateRisk(),
        data.dashRiskLevel() == null ? null : parse(DashRiskLevel.class, data.dashRiskLevel(), event),
        children, data.reReferral(), data.linkedReferralIds()), event.id());
  }

  /**
   * Intake sets the decision deadline and tells the referrer; triage enforces exactly that, so an event without it
   * cannot open a contact (triage has no deadline of its own to fall back on).
   */
  private static AppliedPolicy deadlinePolicy(ReferralReceivedV1 data, EventEnvelope event) {
    ReferralReceivedV1.DeadlinePolicy policy = data.deadlinePolicy();
    if (data.decisionDueBy() == null || policy == null || policy.id() == null || policy.version() == null
        || policy.version() < 1) {
      throw new MalformedEventException("referral.received.v1 " + event.id()
          + " lacks decisionDueBy or its deadlinePolicy");
    }
    return new AppliedPolicy(policy.id(), policy.version(), policy.calendarVersion());
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, EventEnvelope event) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new MalformedEventException("referral.received.v1 " + event.id() + " has an unknown "
          + type.getSimpleName());
    }
  }
}
