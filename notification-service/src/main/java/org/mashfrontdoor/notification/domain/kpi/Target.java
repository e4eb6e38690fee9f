package org.mashfrontdoor.notification.domain.kpi;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A KPI's target and how far short of it is still AMBER ({@code amberBand} percentage points, 10 unless configured).
 * Where higher is better: GREEN at or above the target, AMBER within the band below it, RED further below; where
 * lower is better, the mirror image.
 */
public record Target(BigDecimal value, BigDecimal amberBand) {

  public static final BigDecimal DEFAULT_AMBER_BAND = BigDecimal.TEN;

  public Target {
    Objects.requireNonNull(value, "value");
    amberBand = amberBand == null ? DEFAULT_AMBER_BAND : amberBand;
    if (amberBand.signum() < 0) {
      throw new IllegalArgumentException("the amber band is 0 or more percentage points");
    }
  }

  public Rag rate(BigDecimal actual, KpiDefinition.Better better) {
    return switch (better) {
      case HIGHER -> actual.compareTo(value) >= 0 ? Rag.GREEN
          : actual.compareTo(value.subtract(amberBand)) >= 0 ? Rag.AMBER : Rag.RED;
      case LOWER -> actual.compareTo(value) <= 0 ? Rag.GREEN
          : actual.compareTo(value.add(amberBand)) <= 0 ? Rag.AMBER : Rag.RED;
      case NONE -> null;
    };
  }

  public enum Rag { GREEN, AMBER, RED }
}
