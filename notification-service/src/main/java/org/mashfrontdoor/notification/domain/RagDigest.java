package org.mashfrontdoor.notification.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * At each RAG report time the MASH team gets the list of every open contact with its RAG, oldest first: references
 * and times only. {@code referralId} of the alert is the report's id (the digest is about no single referral).
 */
public record RagDigest(String eventId, String reportId, Instant slotAt, List<OpenContact> openContacts)
    implements AlertTrigger {

  /** One line of the digest. */
  public record OpenContact(String referralId, String reference, Instant receivedAt, Instant decisionDueBy,
      String rag, String lane) {
  }

  public RagDigest {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(reportId, "reportId");
    openContacts = openContacts.stream().sorted(Comparator.comparing(OpenContact::receivedAt)
        .thenComparing(OpenContact::referralId)).toList();
  }

  @Override
  public String referralId() {
    return reportId;
  }

  @Override
  public List<Alert> alertsAt(Instant now) {
    StringBuilder text = new StringBuilder("RAG report " + slotAt + ": " + openContacts.size() + " open contact"
        + (openContacts.size() == 1 ? "" : "s") + ", oldest first");
    for (OpenContact c : openContacts) {
      text.append('\n').append(c.rag()).append("  ").append(c.reference()).append("  received ")
          .append(c.receivedAt()).append("  due by ").append(c.decisionDueBy());
    }
    return List.of(Alert.raise(eventId, AlertType.RAG_DIGEST, reportId, null, now, text.toString()));
  }
}
