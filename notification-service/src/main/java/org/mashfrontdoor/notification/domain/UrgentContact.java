package org.mashfrontdoor.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Triage opened a contact and, by the one urgency rule (triage's), it is urgent for {@code reasons}
 * ({@code IMMEDIATE_RISK}, {@code HIGH_RISK_DOMESTIC_ABUSE}, {@code CHILD_UNDER_ONE}, {@code CHILD_ON_PLAN},
 * {@code RE_REFERRAL}). A contact that is not urgent raises nothing.
 */
public record UrgentContact(String eventId, String referralId, String reference, boolean urgent,
    List<String> reasons) implements AlertTrigger {

  public UrgentContact {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(referralId, "referralId");
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }

  @Override
  public List<Alert> alertsAt(Instant now) {
    if (!urgent) {
      return List.of();
    }
    String why = reasons.isEmpty() ? "" : ": " + String.join(", ", reasons.stream()
        .map(r -> r.toLowerCase().replace('_', ' ')).toList());
    return List.of(Alert.raise(eventId, AlertType.URGENT_CONTACT, referralId, reference, now,
        "Urgent contact " + reference + why).withReasons(reasons));
  }
}
