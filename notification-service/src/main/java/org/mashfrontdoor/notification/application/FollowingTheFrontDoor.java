package org.mashfrontdoor.notification.application;

import java.time.Instant;
import java.util.List;
import org.mashfrontdoor.notification.domain.DecisionDeadline;
import org.mashfrontdoor.notification.domain.RagDigest;
import org.mashfrontdoor.notification.domain.RecordedDecision;
import org.mashfrontdoor.notification.domain.UrgentContact;

/**
 * Follows triage's events: alerts on urgent contacts, deadlines and decisions, keeps the view of open contacts,
 * and sends the MASH team the RAG digest at each report time.
 */
public final class FollowingTheFrontDoor {

  private final RaisingAlerts raising;
  private final OpenContacts openContacts;

  public FollowingTheFrontDoor(RaisingAlerts raising, OpenContacts openContacts) {
    this.raising = raising;
    this.openContacts = openContacts;
  }

  public void contactOpened(UrgentContact contact, Instant receivedAt, Instant decisionDueBy, String rag,
      String lane) {
    openContacts.opened(contact.referralId(), contact.reference(), receivedAt, decisionDueBy, rag, lane);
    raising.on(contact);
  }

  public void deadline(DecisionDeadline deadline) {
    openContacts.ragChanged(deadline.referralId(), deadline.breached() ? "BREACHED" : deadline.rag());
    raising.on(deadline);
  }

  public void decided(RecordedDecision decision) {
    openContacts.decided(decision.referralId());
    raising.on(decision);
  }

  public void ragReport(String eventId, String reportId, Instant slotAt) {
    List<RagDigest.OpenContact> open = openContacts.all();
    raising.on(new RagDigest(eventId, reportId, slotAt, open));
  }
}
