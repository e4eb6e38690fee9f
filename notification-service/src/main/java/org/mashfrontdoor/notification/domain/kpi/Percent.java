package org.mashfrontdoor.notification.domain.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages as the reports print them: two decimals, halves rounded up (57.4966… → 57.50). */
public final class Percent {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Percent() {
  }

  /** {@code part} of {@code whole} in percent; 0.00 of nothing. */
  public static BigDecimal of(long part, long whole) {
    if (whole == 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
  }
}
