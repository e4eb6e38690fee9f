package org.mashfrontdoor.notification.domain;

import org.mashfrontdoor.platform.codes.CaseDeadlineKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A case's statutory deadline of the given {@code kind} is near ({@code breached} false) or has passed. */
public record CaseDeadline(
    String eventId,
    String referralId,
    String caseId,
    CaseDeadlineKind kind,
    Instant dueBy,
    boolean breached) implements AlertTrigger {

  public CaseDeadline {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(referralId, "referralId");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(dueBy, "dueBy");
  }

  @Override
  public List<Alert> alertsAt(Instant now) {
    String ofCase = " for case " + caseId + " (referral " + referralId + ")";
    if (breached) {
      return List.of(Alert.raise(eventId, AlertType.CASE_DEADLINE_BREACHED, referralId, null, now,
          kind.inWords() + " deadline missed" + ofCase + ": it was due by " + dueBy)
          .aboutCase(caseId, kind, dueBy));
    }
    return List.of(Alert.raise(eventId, AlertType.CASE_DEADLINE_APPROACHING, referralId, null, now,
        kind.inWords() + " due by " + dueBy + ofCase).aboutCase(caseId, kind, dueBy));
  }
}
