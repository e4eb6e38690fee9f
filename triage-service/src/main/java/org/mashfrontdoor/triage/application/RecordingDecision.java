package org.mashfrontdoor.triage.application;

import org.mashfrontdoor.platform.codes.MashOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.RagPolicy;
import org.mashfrontdoor.triage.domain.Staff;
import org.mashfrontdoor.triage.domain.TriageEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A manager signs off the recommendation: the decision is final, the clock stops, and it is announced. */
public class RecordingDecision {

  private static final Logger log = LoggerFactory.getLogger(RecordingDecision.class);

  private final ChangingContact changing;
  private final RagPolicy ragPolicy;
  private final FrontDoorMetrics metrics;

  public RecordingDecision(Contacts contacts, RagPolicy ragPolicy, Clock clock, FrontDoorMetrics metrics) {
    this.changing = new ChangingContact(contacts, clock);
    this.ragPolicy = ragPolicy;
    this.metrics = metrics;
  }

  /**
   * @throws UnknownContact if no contact holds the referral
   * @throws org.mashfrontdoor.triage.domain.StepOutOfOrder if there is no recommendation yet, or it is decided
   * @throws org.mashfrontdoor.triage.domain.NotPermitted if the member of staff may not sign off
   * @throws IllegalArgumentException if the outcome closes the contact at the front door and no advice to the
   *     referrer is given
   */
  public ContactView record(String referralId, MashOutcome outcome, int levelOfNeed, String rationale,
      String adviceToReferrer, Staff staff) {
    Contact decided = changing.change(referralId, (contact, now) -> {
      Contact signed = contact.signOff(outcome, levelOfNeed, rationale, adviceToReferrer, staff, now);
      return new ChangingContact.Change(signed, List.of(new TriageEvent.DecisionRecorded(signed, now)));
    });
    log.info("Recorded decision {} on contact {} by {} (on time: {})", outcome, decided.contactId(), staff.id(),
        decided.decision().onTime());
    metrics.decided(decided.decision(), Duration.between(decided.receivedAt(), decided.decision().decidedAt()));
    return ViewingContacts.view(decided, ragPolicy, decided.decision().decidedAt());
  }
}
