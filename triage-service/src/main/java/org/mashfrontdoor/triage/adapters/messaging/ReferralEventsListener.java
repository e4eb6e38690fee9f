package org.mashfrontdoor.triage.adapters.messaging;

import org.mashfrontdoor.platform.codes.DashRiskLevel;
import org.mashfrontdoor.platform.PlatformAutoConfiguration;
import org.mashfrontdoor.platform.codes.ReferralType;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.mashfrontdoor.platform.deadlines.AppliedPolicy;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.MalformedEventException;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.inbox.EventPoll;
import org.mashfrontdoor.triage.application.OpeningContact;
import org.mashfrontdoor.triage.domain.Child;
import org.mashfrontdoor.triage.domain.Referral;
import org.mashfrontdoor.triage.domain.ReferralDetails;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Opens (or joins) a contact for every referral intake received, keeping what the referral told the MASH. Other
 * referral events are not triage's business.
 *
 * <p>A poll's records are opened together ({@link OpeningContact#openAll}, through {@link EventPoll}): a few store
 * round trips for the lot, not five or six per referral, which is what kept triage behind intake under load
 * (docs/performance.md).
 */
@Component
class ReferralEventsListener {

  private final OpeningContact openingContact;

  ReferralEventsListener(OpeningContact openingContact) {
    this.openingContact = openingContact;
  }

  @KafkaListener(topics = Topics.REFERRAL_EVENTS, containerFactory = PlatformAutoConfiguration.BATCH_LISTENERS)
  void on(List<ConsumerRecord<String, String>> records) {
    EventPoll.handle(records, value -> received(value).stream().toList(), openingContact::openAll);
  }

  /** The referral a record tells of, when it is a referral received; empty for other referral events. */
  private static Optional<OpeningContact.Received> received(String message) {
    EventEnvelope event = EventJson.read(message);
    if (!ReferralReceivedV1.TYPE.equals(event.type())) {
      return Optional.empty();
    }
    ReferralReceivedV1 data = event.dataAs(ReferralReceivedV1.class);
    if (data.referralId() == null || !data.referralId().equals(event.subject()) || data.receivedAt() == null) {
      throw new MalformedEventException("referral.received.v1 " + event.id() + " lacks referralId or receivedAt");
    }
    List<Child> children = data.children() == null ? List.of() : data.children().stream()
        .map(c -> new Child(c.dateOfBirth(), c.onChildProtectionPlan())).toList();
    return Optional.of(new OpeningContact.Received(new Referral(data.referralId(), data.reference(),
        parse(ReferralType.class, data.referralType() == null ? "MARF" : data.referralType(), event),
        data.referrer() == null ? null : data.referrer().agency(),
        data.referrer() == null ? null : data.referrer().organisation(),
        data.receivedAt(), data.decisionDueBy(), deadlinePolicy(data, event),
        data.concern() != null && data.concern().immediateRisk(),
        data.dashRiskLevel() == null ? null : parse(DashRiskLevel.class, data.dashRiskLevel(), event),
        children, data.reReferral(), data.linkedReferralIds()), details(data, event), event.id()));
  }

  /** What the referral told the MASH, as the event carries it (absent parts stay absent). */
  private static ReferralDetails details(ReferralReceivedV1 data, EventEnvelope event) {
    ReferralReceivedV1.Referrer by = data.referrer();
    ReferralReceivedV1.Household household = data.household();
    ReferralReceivedV1.Concern concern = data.concern();
    ReferralReceivedV1.DomesticAbuse da = data.domesticAbuse();
    ReferralReceivedV1.Consent consent = data.consent();
    return new ReferralDetails(data.referralId(), data.recordedBy(),
        by == null ? null : new ReferralDetails.Referrer(by.agency(), by.organisation(), by.name(), by.role(),
            by.email(), by.phone()),
        data.children() == null ? List.of() : data.children().stream()
            .map(c -> new ReferralDetails.Child(c.givenName(), c.familyName(), c.dateOfBirth(),
                c.expectedDateOfBirth(), c.school(), c.onChildProtectionPlan())).toList(),
        household == null ? null : new ReferralDetails.Household(household.adults() == null ? List.of()
            : household.adults().stream().map(a -> new ReferralDetails.Adult(a.givenName(), a.familyName(),
                a.dateOfBirth(), a.relationship())).toList(), household.riskFactors()),
        concern == null ? null : new ReferralDetails.Concern(concern.categories(), concern.summary(),
            concern.incidentDate(), concern.immediateRisk(), concern.levelOfNeed()),
        da == null ? null : new ReferralDetails.DomesticAbuse(
            da.dashRiskLevel() == null ? null : parse(DashRiskLevel.class, da.dashRiskLevel(), event),
            da.childrenPresent(), da.childrenWitnessed(), da.childrenSeenSafeAndWell(), da.childrenSubjectToPlan(),
            da.schoolsAttended()),
        consent == null ? null : new ReferralDetails.Consent(consent.parentAware(), consent.consentGiven(),
            consent.reasonNotSought(), consent.lawfulBasis()));
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
