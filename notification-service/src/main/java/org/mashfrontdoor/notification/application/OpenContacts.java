package org.mashfrontdoor.notification.application;

import java.time.Instant;
import java.util.List;
import org.mashfrontdoor.notification.domain.RagDigest;

/**
 * notification-service's own view of the MASH contacts still open, kept from triage's events (not read from
 * triage's store), for the RAG digest and the live front door on the ops page. References and times only.
 */
public interface OpenContacts {

  /** What one of triage's events changes in the view. */
  sealed interface Change {
    String referralId();
  }

  /** A contact opened (again: a redelivery only rewrites the same values). */
  record Opened(String referralId, String reference, Instant receivedAt, Instant decisionDueBy, String rag,
      String lane) implements Change {
  }

  /** Its RAG changed (AMBER, RED, BREACHED); ignored if the contact is not open here. */
  record RagChanged(String referralId, String rag) implements Change {
  }

  /** Decided: no longer open. */
  record Decided(String referralId) implements Change {
  }

  /** Applies the changes in order, in one write. */
  void applyAll(List<Change> changes);

  List<RagDigest.OpenContact> all();
}
