package org.mashfrontdoor.notification.domain;

import org.mashfrontdoor.platform.codes.MashOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A manager's recorded decision on a contact. */
public record RecordedDecision(String eventId, String referralId, String reference, MashOutcome outcome)
    implements AlertTrigger {

  public RecordedDecision {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(referralId, "referralId");
    Objects.requireNonNull(outcome, "outcome");
  }

  @Override
  public List<Alert> alertsAt(Instant now) {
    return List.of(Alert.raise(eventId, AlertType.DECISION_RECORDED, referralId, reference, now,
        "Decision recorded for referral " + reference + ": " + outcome.inWords()));
  }
}
