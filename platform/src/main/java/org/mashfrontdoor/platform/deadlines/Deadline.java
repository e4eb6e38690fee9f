package org.mashfrontdoor.platform.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One statutory or local clock on an aggregate: what it is for ({@code kind}, e.g. {@code ICPC}), when it started,
 * when it is due and by which policy, and what it has announced. Approaching and breached are each announced
 * exactly once: {@link #advance} only moves forward, and the aggregate holding the deadline stores the result with
 * a version-checked write, so two instances or a restart cannot announce the same step twice.
 *
 * <p>Work recorded after the deadline is kept and marked late ({@link #meet}), never refused.
 */
public record Deadline(
    String kind,
    Instant startedAt,
    Instant dueBy,
    AppliedPolicy policy,
    Duration warnBefore,
    Status status,
    Alarm announced,
    Instant metAt,
    Instant nextAlarmAt) {

  public enum Status {
    /** Running, not yet past its due time (or past it, but the breach not yet announced). */
    OPEN,
    /** The work was done: on time or late, see {@link #onTime()}. */
    MET,
    /** Past its due time and the work not done. */
    BREACHED,
    /** No longer needed (the case closed or moved on first): never met, never breached. */
    WITHDRAWN
  }

  /** What the clock announces, in order. */
  public enum Alarm {
    APPROACHING,
    BREACHED
  }

  public Deadline {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(dueBy, "dueBy");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(warnBefore, "warnBefore");
    Objects.requireNonNull(status, "status");
    if ((status == Status.MET) != (metAt != null)) {
      throw new IllegalArgumentException("a deadline is met exactly when it has metAt");
    }
  }

  /** Starts a clock at {@code start}, due by the policy, warning {@code warnBefore} ahead of the due time. */
  public static Deadline start(String kind, DeadlinePolicy policy, Instant start, Duration warnBefore) {
    Instant due = policy.dueBy(start);
    Warnings warnings = Warnings.at(warnBefore);
    // A clock started already inside its warning window warns at once (the next poll), and one started past its
    // due time breaches at once: both are still announced, once.
    Instant first = warnings.stageAt(due, start) == 0 ? due.minus(warnBefore) : start;
    return new Deadline(kind, start, due, policy.applied(), warnBefore, Status.OPEN, null, null,
        Warnings.storable(first));
  }

  /** Whether the work was done by the due time; null until met. */
  public Boolean onTime() {
    return metAt == null ? null : !metAt.isAfter(dueBy);
  }

  /** Whether its alarm is due at {@code now}. */
  public boolean isDue(Instant now) {
    return nextAlarmAt != null && !nextAlarmAt.isAfter(now);
  }

  /**
   * The clock at {@code now}: the deadline with its next alarm, and the alarm to announce now, if any. Only the
   * latest step reached is announced: after an outage, a deadline already breached does not first say
   * "approaching". Null if there is nothing to do.
   */
  public Advance advance(Instant now) {
    if (status != Status.OPEN || nextAlarmAt == null) {
      return null;
    }
    Warnings warnings = Warnings.at(warnBefore);
    int stage = warnings.stageAt(dueBy, now);
    Instant next = Warnings.storable(warnings.nextChange(dueBy, now));
    Alarm reached = stage == 0 ? null : stage == warnings.breachedStage() ? Alarm.BREACHED : Alarm.APPROACHING;
    if (reached == null || (announced != null && reached.ordinal() <= announced.ordinal())) {
      // An early or repeated alarm: re-set it, announce nothing.
      return new Advance(with(status, announced, next), null);
    }
    Status newStatus = reached == Alarm.BREACHED ? Status.BREACHED : Status.OPEN;
    return new Advance(with(newStatus, reached, next), reached);
  }

  /** The work is done at {@code at}: the clock stops; late if after the due time. */
  public Deadline meet(Instant at) {
    Objects.requireNonNull(at, "at");
    if (status == Status.MET || status == Status.WITHDRAWN) {
      return this;
    }
    return new Deadline(kind, startedAt, dueBy, policy, warnBefore, Status.MET, announced, at, null);
  }

  /** No longer needed: a running clock stops without being met. A breach stays on record as a breach. */
  public Deadline withdraw() {
    if (status != Status.OPEN) {
      return this;
    }
    return new Deadline(kind, startedAt, dueBy, policy, warnBefore, Status.WITHDRAWN, announced, null, null);
  }

  private Deadline with(Status newStatus, Alarm newAnnounced, Instant next) {
    return new Deadline(kind, startedAt, dueBy, policy, warnBefore, newStatus, newAnnounced, metAt, next);
  }

  /** One tick of the clock; {@code alarm} is null when nothing is to be announced. */
  public record Advance(Deadline deadline, Alarm alarm) {
  }
}
