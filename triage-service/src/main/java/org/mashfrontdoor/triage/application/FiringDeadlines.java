package org.mashfrontdoor.triage.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.mashfrontdoor.platform.deadlines.DeadlineClock;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.Rag;
import org.mashfrontdoor.triage.domain.RagPolicy;
import org.mashfrontdoor.triage.domain.TriageEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MASH decision clock, on the platform's {@link DeadlineClock}: the due sheet is the open contacts whose
 * {@code nextAlarmAt} has come, and firing one advances its RAG with a version-checked write that carries its event.
 */
public class FiringDeadlines {

  private static final Logger log = LoggerFactory.getLogger(FiringDeadlines.class);

  private final DeadlineClock<Contact> deadlineClock;

  public FiringDeadlines(Contacts contacts, RagPolicy ragPolicy, Clock clock, int batchSize,
      FrontDoorMetrics metrics) {
    this.deadlineClock = new DeadlineClock<>(new ContactSheet(contacts, ragPolicy, clock, metrics), clock, batchSize);
  }

  /** Fires every alarm due now, batch by batch; returns how many events it announced. */
  public int fireDue() {
    return deadlineClock.fireDue();
  }

  private record ContactSheet(Contacts contacts, RagPolicy ragPolicy, Clock clock, FrontDoorMetrics metrics)
      implements DeadlineClock.DueSheet<Contact> {

    @Override
    public List<Contact> due(Instant now, int limit) {
      return contacts.dueAlarms(now, limit);
    }

    @Override
    public int fire(Contact contact, Instant now) {
      Contact.Advance advance = contact.advanceRag(ragPolicy, now);
      if (advance == null) {
        // Off the clock (decided, or no alarm left): nothing to write. Counted as lost, not written, so a full
        // batch of such rows ends the poll instead of being read again and again.
        return DeadlineClock.LOST;
      }
      List<TriageEvent> events = advance.event() == null ? List.of() : List.of(advance.event());
      if (contacts.update(contact, advance.contact(), events, null) != Contacts.Write.APPLIED) {
        return DeadlineClock.LOST; // another instance fired it, or staff changed it meanwhile
      }
      if (advance.event() == null) {
        return 0;
      }
      Rag rag = advance.contact().ragState();
      // Lag as staff feel it: from the instant the RAG changed to the moment its event was written.
      Duration lag = Duration.between(contact.nextAlarmAt(), clock.instant());
      metrics.deadlineFired(rag, lag);
      log.info("Contact {} turned {} (alarm {} fired {} ms late)", contact.contactId(), rag,
          contact.nextAlarmAt(), lag.toMillis());
      return 1;
    }
  }
}
