package org.mashfrontdoor.notification.domain.kpi;

import java.math.BigDecimal;

/**
 * What one KPI counted over a period: {@code count} of {@code of} (for a percentage), or just {@code count}. A
 * percentage of nothing has no value (null), so "no ICPCs this month" never reads as 0% or as RED.
 */
public record Tally(long count, long of) {

  public static Tally counting(long count) {
    return new Tally(count, 0);
  }

  public BigDecimal value(KpiDefinition.Unit unit) {
    return switch (unit) {
      case COUNT -> BigDecimal.valueOf(count);
      case PERCENT -> of == 0 ? null : Percent.of(count, of);
    };
  }
}
