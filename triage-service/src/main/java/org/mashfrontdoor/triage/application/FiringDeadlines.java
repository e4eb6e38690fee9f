package org.mashfrontdoor.triage.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.Rag;
import org.mashfrontdoor.triage.domain.RagPolicy;
import org.mashfrontdoor.triage.domain.TriageEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deadline clock: reads the due sheet (open contacts whose {@code nextAlarmAt} has come) and advances each
 * contact's RAG with a version-checked write that carries its event. Any number of instances may run it at once:
 * for each alarm exactly one write succeeds, the others see a conflict and skip the contact.
 */
public class FiringDeadlines {

  private static final Logger log = LoggerFactory.getLogger(FiringDeadlines.class);

  private final Contacts contacts;
  private final RagPolicy ragPolicy;
  private final Clock clock;
  private final int batchSize;
  private final FrontDoorMetrics metrics;

  public FiringDeadlines(Contacts contacts, RagPolicy ragPolicy, Clock clock, int batchSize,
      FrontDoorMetrics metrics) {
    this.contacts = contacts;
    this.ragPolicy = ragPolicy;
    this.clock = clock;
    this.batchSize = batchSize;
    this.metrics = metrics;
  }

  /** Fires every alarm due now, batch by batch; returns how many events it announced. */
  public int fireDue() {
    int fired = 0;
    while (true) {
      Instant now = clock.instant();
      List<Contact> due = contacts.dueAlarms(now, batchSize);
      int written = 0;
      for (Contact contact : due) {
        Contact.Advance advance = contact.advanceRag(ragPolicy, now);
        if (advance == null) {
          continue;
        }
        List<TriageEvent> events = advance.event() == null ? List.of() : List.of(advance.event());
        if (contacts.update(advance.contact(), contact.version(), events, null) != Contacts.Write.APPLIED) {
          continue; // another instance fired it, or staff changed it meanwhile: the next poll sees the new state
        }
        written++;
        if (advance.event() != null) {
          fired++;
          Rag rag = advance.contact().ragState();
          // Lag as staff feel it: from the instant the RAG changed to the moment its event was written.
          Duration lag = Duration.between(contact.nextAlarmAt(), clock.instant());
          metrics.deadlineFired(rag, lag);
          log.info("Contact {} turned {} (alarm {} fired {} ms late)", contact.contactId(), rag,
              contact.nextAlarmAt(), lag.toMillis());
        }
      }
      // A short batch means the sheet is drained; a full batch where nothing could be written means others are
      // working the same rows: leave them to it until the next poll.
      if (due.size() < batchSize || written == 0) {
        return fired;
      }
    }
  }
}
