package org.mashfrontdoor.notification.adapters.messaging;

import org.mashfrontdoor.notification.application.RaisingAlerts;
import org.mashfrontdoor.notification.domain.CaseDeadline;
import org.mashfrontdoor.platform.codes.CaseDeadlineKind;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Alerts MASH staff to case deadlines on {@code mash.case.events}. A deadline event without its case, kind or due
 * time, or with a kind this service does not know, can never be handled and goes straight to the DLT.
 */
@Component
public class CaseEventsListener {

  private final RaisingAlerts raisingAlerts;

  public CaseEventsListener(RaisingAlerts raisingAlerts) {
    this.raisingAlerts = raisingAlerts;
  }

  @KafkaListener(id = "notification-service-case-events", idIsGroup = false, topics = Topics.CASE_EVENTS)
  public void on(String value) {
    EventEnvelope event = EventJson.read(value);
    if (!CaseDeadlineData.APPROACHING_TYPE.equals(event.type())
        && !CaseDeadlineData.BREACHED_TYPE.equals(event.type())) {
      return; // the case's other milestones are the referrer's feedback, not staff alerts
    }
    CaseDeadlineData data = event.dataAs(CaseDeadlineData.class);
    if (data.caseId() == null || data.kind() == null || data.dueBy() == null) {
      throw new IllegalArgumentException("case deadline event " + event.id() + " lacks caseId, kind or dueBy");
    }
    // The subject is the referral id by contract; the data's copy is preferred when present.
    String referralId = data.referralId() == null ? event.subject() : data.referralId();
    raisingAlerts.on(new CaseDeadline(event.id(), referralId, data.caseId(), CaseDeadlineKind.valueOf(data.kind()),
        data.dueBy(), CaseDeadlineData.BREACHED_TYPE.equals(event.type())));
  }
}
