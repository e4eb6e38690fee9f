package org.mashfrontdoor.triage.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.ContactAlreadyDecided;
import org.mashfrontdoor.triage.domain.DecisionRecorded;
import org.mashfrontdoor.triage.domain.Outcome;
import org.mashfrontdoor.triage.domain.RagPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A manager decides a contact: it leaves the queue and the decision is announced, in one write. */
public class RecordingDecision {

  private static final Logger log = LoggerFactory.getLogger(RecordingDecision.class);
  private static final int ATTEMPTS = 5;

  private final Contacts contacts;
  private final RagPolicy ragPolicy;
  private final Clock clock;

  public RecordingDecision(Contacts contacts, RagPolicy ragPolicy, Clock clock) {
    this.contacts = contacts;
    this.ragPolicy = ragPolicy;
    this.clock = clock;
  }

  /**
   * @throws UnknownContact if no contact is open or decided for the referral
   * @throws ContactAlreadyDecided if it was decided before (possibly by a concurrent request)
   */
  public ContactView record(String referralId, Outcome outcome, int levelOfNeed, String rationale) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Contact contact = contacts.find(referralId).orElseThrow(() -> new UnknownContact(referralId));
      // The store keeps milliseconds; truncating here keeps the event and later reads identical.
      Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      Contact decided = contact.decide(outcome, levelOfNeed, rationale, now);
      switch (contacts.recordDecision(new DecisionRecorded(decided, now), contact.version())) {
        case APPLIED -> {
          log.info("Recorded decision {} on referral {} (on time: {})", outcome, referralId,
              decided.decision().onTime());
          return ViewingContacts.view(decided, ragPolicy, now);
        }
        case NOT_FOUND -> throw new UnknownContact(referralId);
        default -> log.info("Contact {} changed while deciding, re-reading (attempt {})", referralId, attempt);
      }
    }
    throw new IllegalStateException("Contact " + referralId + " kept changing while deciding");
  }
}
