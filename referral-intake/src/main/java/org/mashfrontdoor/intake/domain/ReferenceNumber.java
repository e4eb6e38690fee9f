package org.mashfrontdoor.intake.domain;

/** The human-friendly reference a referrer quotes: {@code MARF-2026-000123}. Never holds personal data. */
public final class ReferenceNumber {

  private ReferenceNumber() {
  }

  public static String format(int year, long sequence) {
    return String.format("MARF-%d-%06d", year, sequence);
  }
}
