package org.mashfrontdoor.notification.domain.kpi;

import java.time.Instant;
import java.util.Objects;
import org.mashfrontdoor.platform.codes.CaseDeadlineKind;

/**
 * A statutory step a case reached, from case-service's events: an ICPC held, a single assessment completed, early
 * help started; {@code onTime} as case-service judged it against the deadline it stored. It counts in the month it
 * happened (Europe/London).
 */
public record PathwayMilestone(String id, CaseDeadlineKind kind, Instant at, boolean onTime) {

  public PathwayMilestone {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
  }
}
