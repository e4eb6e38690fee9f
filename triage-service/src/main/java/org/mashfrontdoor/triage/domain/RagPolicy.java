package org.mashfrontdoor.triage.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.mashfrontdoor.platform.deadlines.Warnings;

/**
 * RAG by time left to the decision deadline: GREEN with more than {@code amber} left, AMBER at or under
 * {@code amber}, RED at or under {@code red} (including the deadline instant itself), BREACHED once it has passed.
 * The stage rule is the platform's {@link Warnings} with two warnings, so RAG and every other deadline agree.
 */
public record RagPolicy(Duration amber, Duration red) {

  public RagPolicy {
    Objects.requireNonNull(amber, "amber");
    Objects.requireNonNull(red, "red");
    Warnings.at(amber, red); // refuses red < 0 or red > amber
  }

  public Rag ragAt(Instant decisionDueBy, Instant now) {
    // Stages 0..3 are GREEN, AMBER, RED, BREACHED in that order.
    return Rag.values()[warnings().stageAt(decisionDueBy, now)];
  }

  /**
   * The instant the RAG next changes after {@code now}, or null once BREACHED (nothing left to announce). The
   * breach instant is the first nanosecond past the deadline: on the deadline itself a contact is still RED.
   */
  public Instant nextChange(Instant decisionDueBy, Instant now) {
    return warnings().nextChange(decisionDueBy, now);
  }

  private Warnings warnings() {
    return Warnings.at(amber, red);
  }
}
