package org.mashfrontdoor.notification.domain;

import java.time.Instant;
import java.util.List;

/** Something that happened to a referral which may call for MASH staff's attention. */
public sealed interface AlertTrigger
    permits UrgentContact, RecordedDecision, DecisionDeadline, CaseDeadline, RagDigest {

  /** The id of the event that reported it; alert ids derive from it. */
  String eventId();

  String referralId();

  /** The alerts it raises, possibly none, created at {@code now}. */
  List<Alert> alertsAt(Instant now);
}
