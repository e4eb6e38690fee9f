package org.mashfrontdoor.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The 24-hour decision deadline of a contact is near ({@code breached} false, with its RAG rating) or has
 * passed ({@code breached} true; {@code rag} may then be null).
 */
public record DecisionDeadline(
    String eventId,
    String referralId,
    String reference,
    Instant decisionDueBy,
    String rag,
    boolean breached) implements AlertTrigger {

  public DecisionDeadline {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(referralId, "referralId");
    Objects.requireNonNull(decisionDueBy, "decisionDueBy");
  }

  @Override
  public List<Alert> alertsAt(Instant now) {
    if (breached) {
      return List.of(Alert.raise(eventId, AlertType.DEADLINE_BREACHED, referralId, reference, now,
          "Decision deadline missed for referral " + reference + ": it was due by " + decisionDueBy));
    }
    String rated = rag == null ? "" : " (RAG " + rag + ")";
    return List.of(Alert.raise(eventId, AlertType.DEADLINE_APPROACHING, referralId, reference, now,
        "Decision due by " + decisionDueBy + " for referral " + reference + rated));
  }
}
