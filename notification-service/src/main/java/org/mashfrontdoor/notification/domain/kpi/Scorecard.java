package org.mashfrontdoor.notification.domain.kpi;

import java.math.BigDecimal;
import java.time.Month;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The monthly scorecard as the reports lay it out: per KPI, this month, the financial year to date (from April),
 * the target, RAG (of the month against the target; none without a target) and the direction of travel against
 * the previous month.
 */
public record Scorecard(YearMonth month, List<Row> rows) {

  public enum Direction { UP, DOWN, SAME, NONE }

  public record Row(KpiDefinition kpi, BigDecimal month, BigDecimal ytd, BigDecimal target, Target.Rag rag,
      Direction direction) {
  }

  /** The first month of the financial year {@code month} falls in: April. */
  public static YearMonth financialYearStart(YearMonth month) {
    int year = month.getMonth().compareTo(Month.APRIL) >= 0 ? month.getYear() : month.getYear() - 1;
    return YearMonth.of(year, Month.APRIL);
  }

  /** The months whose facts {@link #of} needs: from the previous month (or April, if earlier) to {@code month}. */
  public static YearMonth firstMonthNeeded(YearMonth month) {
    YearMonth fyStart = financialYearStart(month);
    YearMonth previous = month.minusMonths(1);
    return previous.isBefore(fyStart) ? previous : fyStart;
  }

  /** {@code facts} must cover {@link #firstMonthNeeded} to {@code month}; later facts are left out. */
  public static Scorecard of(YearMonth month, Facts facts, Map<String, Target> targets) {
    Facts thisMonth = facts.between(month, month);
    Facts yearToDate = facts.between(financialYearStart(month), month);
    Facts previousMonth = facts.between(month.minusMonths(1), month.minusMonths(1));
    List<Row> rows = KpiDefinition.ALL.stream().map(kpi -> {
      BigDecimal value = kpi.tally().apply(thisMonth).value(kpi.unit());
      BigDecimal before = kpi.tally().apply(previousMonth).value(kpi.unit());
      Target target = targets.get(kpi.name());
      Target.Rag rag = target == null || value == null ? null : target.rate(value, kpi.better());
      return new Row(kpi, value, kpi.tally().apply(yearToDate).value(kpi.unit()),
          target == null ? null : target.value(), rag, direction(value, before));
    }).toList();
    return new Scorecard(month, rows);
  }

  private static Direction direction(BigDecimal now, BigDecimal before) {
    if (now == null || before == null) {
      return Direction.NONE;
    }
    int compared = now.compareTo(before);
    return compared > 0 ? Direction.UP : compared < 0 ? Direction.DOWN : Direction.SAME;
  }
}
