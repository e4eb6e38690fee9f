package org.mashfrontdoor.cases.domain;

import org.mashfrontdoor.platform.codes.CaseDeadlineKind;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.mashfrontdoor.platform.deadlines.Deadline;
import org.mashfrontdoor.platform.deadlines.DeadlinePolicy;

/**
 * The policy of every clock a case runs: for each {@link CaseDeadlineKind}, how its deadline is set and how long before
 * it the team is warned. Built once from configuration; each deadline stores the policy and calendar it was set by.
 */
public final class StatutoryClocks {

  /** One kind's clock: its policy and its warning time. */
  public record Clock(DeadlinePolicy policy, Duration warnBefore) {
    public Clock {
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(warnBefore, "warnBefore");
    }
  }

  private final Map<CaseDeadlineKind, Clock> clocks;

  public StatutoryClocks(Map<CaseDeadlineKind, Clock> clocks) {
    this.clocks = new EnumMap<>(clocks);
    for (CaseDeadlineKind kind : CaseDeadlineKind.values()) {
      if (!this.clocks.containsKey(kind)) {
        throw new IllegalArgumentException("no clock configured for " + kind);
      }
    }
  }

  public Deadline start(CaseDeadlineKind kind, Instant from) {
    Clock clock = clocks.get(kind);
    return Deadline.start(kind.name(), clock.policy(), from, clock.warnBefore());
  }

  public Clock clock(CaseDeadlineKind kind) {
    return clocks.get(kind);
  }
}
