package org.mashfrontdoor.triage.application;

import org.mashfrontdoor.platform.codes.MashOutcome;
import java.time.Clock;
import java.util.List;
import org.mashfrontdoor.triage.domain.RagPolicy;
import org.mashfrontdoor.triage.domain.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A social worker recommends an outcome for a manager to sign off. */
public class RecordingRecommendation {

  private static final Logger log = LoggerFactory.getLogger(RecordingRecommendation.class);

  private final ChangingContact changing;
  private final RagPolicy ragPolicy;
  private final Clock clock;

  public RecordingRecommendation(Contacts contacts, RagPolicy ragPolicy, Clock clock) {
    this.changing = new ChangingContact(contacts, clock);
    this.ragPolicy = ragPolicy;
    this.clock = clock;
  }

  public ContactView recommend(String referralId, MashOutcome outcome, int levelOfNeed, String rationale,
      String adviceToReferrer, Staff staff) {
    var written = changing.change(referralId, (contact, now) -> new ChangingContact.Change(
        contact.recommend(outcome, levelOfNeed, rationale, adviceToReferrer, staff, now), List.of()));
    log.info("Recommended {} on contact {} by {}", outcome, written.contactId(), staff.id());
    return ViewingContacts.view(written, ragPolicy, clock.instant());
  }
}
