package org.mashfrontdoor.intake.adapters.messaging;

import org.mashfrontdoor.platform.codes.MashOutcome;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mashfrontdoor.intake.application.FollowingTriage;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.MalformedEventException;
import org.mashfrontdoor.platform.events.Topics;
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

  private final FollowingTriage followingTriage;

  TriageEventsListener(FollowingTriage followingTriage) {
    this.followingTriage = followingTriage;
  }

  @KafkaListener(topics = Topics.TRIAGE_EVENTS)
  void on(String message) {
    EventEnvelope event = EventJson.read(message);
    boolean known = switch (event.type()) {
      case "triage.contact-opened.v1" ->
          followingTriage.contactOpened(event.subject(), event.id(), event.time());
      case "triage.referral-joined.v1" -> {
        // A linked referral joined an open contact: it is in triage under that contact's clock.
        ReferralJoined joined = event.dataAs(ReferralJoined.class);
        if (joined.referralId() == null) {
          throw new MalformedEventException("referral-joined without referralId");
        }
        yield followingTriage.contactOpened(joined.referralId(), event.id(), event.time());
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
        boolean all = true;
        for (String referralId : decided) {
          all &= followingTriage.decisionRecorded(referralId, event.id(), outcome, decision.adviceToReferrer(),
              decidedAt);
        }
        yield all;
      }
      default -> true; // other triage events are not the referrer's business
    };
    if (!known) {
      log.warn("Event {} ({}) is about referral {} which this intake does not hold", event.id(), event.type(),
          event.subject());
    }
  }
}
