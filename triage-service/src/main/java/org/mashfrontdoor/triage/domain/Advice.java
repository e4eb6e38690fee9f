package org.mashfrontdoor.triage.domain;

import java.time.Instant;

/** Advice given to the referrer or family, which must be written down (a review found it missing in 5 of 18). */
public record Advice(String text, Instant recordedAt, String recordedBy) {

  public static final int MAX_LENGTH = 4000;

  public Advice {
    if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("advice is 1 to " + MAX_LENGTH + " characters");
    }
  }
}
