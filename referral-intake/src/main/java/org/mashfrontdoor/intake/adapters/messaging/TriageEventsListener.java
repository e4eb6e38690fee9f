package org.mashfrontdoor.intake.adapters.messaging;

import org.mashfrontdoor.platform.codes.MashOutcome;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.mashfrontdoor.intake.application.FollowingTriage;
import org.mashfrontdoor.intake.application.Referrals.Change;
import org.mashfrontdoor.platform.PlatformAutoConfiguration;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.MalformedEventException;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.inbox.EventPoll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads triage's events to keep the referrer's status up to date. Tolerant reader: only the fields it needs. */
@Component
class TriageEventsListener {

  private static final Logger log = LoggerFactory.getLogger(TriageEventsListener.class);

  record ContactOpened(String referralId) {
  }

  /**
   * {@code referralIds}: every referral on the contact (a linked referral may have joined it);
   * {@code adviceToReferrer}: what the MASH tells each referrer to do (absent when it gave none). The rationale is
   * never read: it is not the referrer's.
   */
  record DecisionRecorded(String referralId, List<String> referralIds, String outcome, String adviceToReferrer,
      Instant decidedAt) {
  }

  record ReferralJoined(String referralId) {
  }

  /** One referral's change, from an event of this type. */
  private record Heard(String type, Change change) {
  }

  private final FollowingTriage followingTriage;

  TriageEventsListener(FollowingTriage followingTriage) {
    this.followingTriage = followingTriage;
  }

  /**
   * A poll's events are followed together ({@link FollowingTriage#followAll}, through {@link EventPoll}): one read and
   * one write for the poll, where one event at a time took two round trips each and fell tens of thousands of events
   * behind in the long run of docs/performance.md.
   */
  @KafkaListener(topics = Topics.TRIAGE_EVENTS, containerFactory = PlatformAutoConfiguration.BATCH_LISTENERS)
  void on(List<ConsumerRecord<String, String>> records) {
    EventPoll.handle(records, TriageEventsListener::heard, this::follow);
  }

  private void follow(List<Heard> heard) {
    List<Boolean> known = followingTriage.followAll(heard.stream().map(Heard::change).toList());
    for (int i = 0; i < heard.size(); i++) {
      if (!known.get(i)) {
        log.warn("Event {} ({}) is about referral {} which this intake does not hold",
            heard.get(i).change().causedByEventId(), heard.get(i).type(), heard.get(i).change().referralId());
      }
    }
  }

  /** What an event changes for each referrer it concerns; nothing for events that are not the referrer's business. */
  private static List<Heard> heard(String message) {
    EventEnvelope event = EventJson.read(message);
    List<Change> changes = switch (event.type()) {
      case "triage.contact-opened.v1" ->
          List.of(FollowingTriage.contactOpened(event.subject(), event.id(), event.time()));
      case "triage.referral-joined.v1" -> {
        // A linked referral joined an open contact: it is in triage under that contact's clock.
        ReferralJoined joined = event.dataAs(ReferralJoined.class);
        if (joined.referralId() == null) {
          throw new MalformedEventException("referral-joined without referralId");
        }
        yield List.of(FollowingTriage.contactOpened(joined.referralId(), event.id(), event.time()));
      }
      case "triage.decision-recorded.v1" -> {
        DecisionRecorded decision = event.dataAs(DecisionRecorded.class);
        MashOutcome outcome = MashOutcome.valueOf(decision.outcome());
        Instant decidedAt = decision.decidedAt() == null ? event.time() : decision.decidedAt();
        // One decision covers every referral on the contact; each referrer hears it.
        Set<String> decided = new LinkedHashSet<>();
        decided.add(event.subject());
        if (decision.referralIds() != null) {
          decided.addAll(decision.referralIds());
        }
        yield decided.stream().map(referralId -> FollowingTriage.decisionRecorded(referralId, event.id(), outcome,
            decision.adviceToReferrer(), decidedAt)).toList();
      }
      default -> List.of(); // other triage events are not the referrer's business
    };
    return changes.stream().map(change -> new Heard(event.type(), change)).toList();
  }
}
