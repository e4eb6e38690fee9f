package org.mashfrontdoor.triage.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * RAG by time left to the decision deadline: GREEN with more than {@code amber} left, AMBER at or under
 * {@code amber}, RED at or under {@code red} (including the deadline instant itself), BREACHED once it has passed.
 */
public record RagPolicy(Duration amber, Duration red) {

  public RagPolicy {
    Objects.requireNonNull(amber, "amber");
    Objects.requireNonNull(red, "red");
    if (red.isNegative() || amber.compareTo(red) < 0) {
      throw new IllegalArgumentException("RAG thresholds need 0 <= red <= amber");
    }
  }

  public Rag ragAt(Instant decisionDueBy, Instant now) {
    Duration left = Duration.between(now, decisionDueBy);
    if (left.isNegative()) {
      return Rag.BREACHED;
    }
    if (left.compareTo(red) <= 0) {
      return Rag.RED;
    }
    if (left.compareTo(amber) <= 0) {
      return Rag.AMBER;
    }
    return Rag.GREEN;
  }

  /**
   * The instant the RAG next changes after {@code now}, or null once BREACHED (nothing left to announce). The
   * breach instant is the first nanosecond past the deadline: on the deadline itself a contact is still RED.
   */
  public Instant nextChange(Instant decisionDueBy, Instant now) {
    return switch (ragAt(decisionDueBy, now)) {
      case GREEN -> decisionDueBy.minus(amber);
      case AMBER -> decisionDueBy.minus(red);
      case RED -> decisionDueBy.plusNanos(1);
      case BREACHED -> null;
    };
  }
}
