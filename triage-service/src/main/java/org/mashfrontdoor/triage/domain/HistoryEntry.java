package org.mashfrontdoor.triage.domain;

import java.time.Instant;

/** One step in a contact's life, for the record: what happened, when, and who (or which clock) did it. */
public record HistoryEntry(Instant at, Step step, String by, String detail) {

  public enum Step {
    OPENED,
    REFERRAL_JOINED,
    CHECKS_RECORDED,
    ADVICE_RECORDED,
    RECOMMENDED,
    TURNED_AMBER,
    TURNED_RED,
    BREACHED,
    DECIDED
  }

  /** Steps taken by the deadline clock rather than a person. */
  public static final String CLOCK = "deadline-clock";
}
