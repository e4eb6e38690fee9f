package org.mashfrontdoor.triage.application;

import java.time.Clock;
import java.util.List;
import org.mashfrontdoor.triage.domain.Agency;
import org.mashfrontdoor.triage.domain.MultiAgencyCheck;
import org.mashfrontdoor.triage.domain.RagPolicy;
import org.mashfrontdoor.triage.domain.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A social worker records multi-agency checks and the advice given. */
public class RecordingChecks {

  private static final Logger log = LoggerFactory.getLogger(RecordingChecks.class);

  /** A check as reported by the social worker; who recorded it and when are added here. */
  public record Check(Agency agency, java.time.Instant requestedAt, java.time.Instant returnedAt) {
  }

  private final ChangingContact changing;
  private final RagPolicy ragPolicy;
  private final Clock clock;

  public RecordingChecks(Contacts contacts, RagPolicy ragPolicy, Clock clock) {
    this.changing = new ChangingContact(contacts, clock);
    this.ragPolicy = ragPolicy;
    this.clock = clock;
  }

  public ContactView record(String referralId, List<Check> checks, String advice, Staff staff) {
    var written = changing.change(referralId, (contact, now) -> new ChangingContact.Change(
        contact.recordChecks(checks.stream().map(c -> new MultiAgencyCheck(c.agency(), c.requestedAt(),
            c.returnedAt(), now, staff.id())).toList(), advice, staff, now), List.of()));
    log.info("Recorded {} checks{} on contact {} by {}", checks.size(), advice == null ? "" : " and advice",
        written.contactId(), staff.id());
    return ViewingContacts.view(written, ragPolicy, clock.instant());
  }
}
