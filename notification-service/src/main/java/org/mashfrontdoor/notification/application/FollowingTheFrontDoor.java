package org.mashfrontdoor.notification.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mashfrontdoor.notification.domain.AlertTrigger;
import org.mashfrontdoor.notification.domain.DecisionDeadline;
import org.mashfrontdoor.notification.domain.RagDigest;
import org.mashfrontdoor.notification.domain.RecordedDecision;
import org.mashfrontdoor.notification.domain.UrgentContact;

/**
 * Follows triage's events: alerts on urgent contacts, deadlines and decisions, keeps the view of open contacts,
 * and sends the MASH team the RAG digest at each report time.
 */
public final class FollowingTheFrontDoor {

  /** What one of triage's events tells the front door. */
  public sealed interface Heard {
  }

  public record ContactOpened(UrgentContact contact, Instant receivedAt, Instant decisionDueBy, String rag,
      String lane) implements Heard {
  }

  public record DeadlineNear(DecisionDeadline deadline) implements Heard {
  }

  public record Decided(RecordedDecision decision) implements Heard {
  }

  /** A RAG report time: the digest lists the contacts open after the events before it. */
  public record RagReportDue(String eventId, String reportId, Instant slotAt) implements Heard {
  }

  private final RaisingAlerts raising;
  private final OpenContacts openContacts;

  public FollowingTheFrontDoor(RaisingAlerts raising, OpenContacts openContacts) {
    this.raising = raising;
    this.openContacts = openContacts;
  }

  /**
   * Follows a poll's events in order: the view's changes in one write, then every alert they raise in one more. A RAG
   * report splits the poll: what comes before it is written, its digest of the view then is stored with the alerts so
   * far, and only then does the rest follow. So a poll handled again (after a fault, or record by record) cannot store
   * a digest of a later view: the digest stored first stands, and a redelivered event raises no alert twice.
   */
  public void followAll(List<Heard> heard) {
    List<OpenContacts.Change> changes = new ArrayList<>();
    List<AlertTrigger> triggers = new ArrayList<>();
    for (Heard one : heard) {
      switch (one) {
        case ContactOpened opened -> {
          UrgentContact contact = opened.contact();
          changes.add(new OpenContacts.Opened(contact.referralId(), contact.reference(), opened.receivedAt(),
              opened.decisionDueBy(), opened.rag(), opened.lane()));
          triggers.add(contact);
        }
        case DeadlineNear near -> {
          DecisionDeadline deadline = near.deadline();
          changes.add(new OpenContacts.RagChanged(deadline.referralId(),
              deadline.breached() ? "BREACHED" : deadline.rag()));
          triggers.add(deadline);
        }
        case Decided decided -> {
          changes.add(new OpenContacts.Decided(decided.decision().referralId()));
          triggers.add(decided.decision());
        }
        case RagReportDue report -> {
          openContacts.applyAll(changes);
          triggers.add(new RagDigest(report.eventId(), report.reportId(), report.slotAt(), openContacts.all()));
          raising.onAll(triggers);
          changes.clear();
          triggers.clear();
        }
      }
    }
    openContacts.applyAll(changes);
    raising.onAll(triggers);
  }
}
