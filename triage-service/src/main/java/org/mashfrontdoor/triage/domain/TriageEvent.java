package org.mashfrontdoor.triage.domain;

import java.time.Instant;

/** What a change to a contact announces; each is written with the change, in the same write. */
public sealed interface TriageEvent {

  Contact contact();

  Instant at();

  /** {@code urgentReasons}: why the opening referral is screened first (empty when it is not urgent). */
  record ContactOpened(Contact contact, Rag rag, java.util.List<UrgencyReason> urgentReasons, Instant at)
      implements TriageEvent {
  }

  /** A referral linked to an open contact joined it instead of opening a second contact. */
  record ReferralJoined(Contact contact, Source source, Instant at) implements TriageEvent {
  }

  /** The contact turned AMBER or RED; {@code scheduledFor} is the instant it did, {@code at} when we noticed. */
  record DeadlineApproaching(Contact contact, Rag rag, Instant scheduledFor, Instant at) implements TriageEvent {
  }

  record DeadlineBreached(Contact contact, Instant scheduledFor, Instant at) implements TriageEvent {
  }

  record DecisionRecorded(Contact contact, Instant at) implements TriageEvent {
  }
}
