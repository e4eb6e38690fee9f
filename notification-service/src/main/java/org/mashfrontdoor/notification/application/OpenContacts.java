package org.mashfrontdoor.notification.application;

import java.time.Instant;
import java.util.List;
import org.mashfrontdoor.notification.domain.RagDigest;

/**
 * notification-service's own view of the MASH contacts still open, kept from triage's events (not read from
 * triage's store), for the RAG digest and the live front door on the ops page. References and times only.
 */
public interface OpenContacts {

  /** A contact opened (again: a redelivery only rewrites the same values). */
  void opened(String referralId, String reference, Instant receivedAt, Instant decisionDueBy, String rag,
      String lane);

  /** Its RAG changed (AMBER, RED, BREACHED); ignored if the contact is not open here. */
  void ragChanged(String referralId, String rag);

  /** Decided: no longer open. */
  void decided(String referralId);

  List<RagDigest.OpenContact> all();
}
