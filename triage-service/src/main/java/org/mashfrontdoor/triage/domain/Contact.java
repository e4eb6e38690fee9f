package org.mashfrontdoor.triage.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A referral at the MASH front door, awaiting (or having had) a manager's decision. It is identified by the
 * referral that opened it. {@code version} is the stored revision, so two managers cannot both decide it.
 */
public record Contact(
    String referralId,
    String reference,
    ContactStatus status,
    Instant receivedAt,
    Instant decisionDueBy,
    DeadlinePolicy deadlinePolicy,
    boolean urgent,
    TriageDecision decision,
    long version) {

  /** The queue: urgent contacts first, then the soonest deadline. */
  public static final Comparator<Contact> QUEUE_ORDER = Comparator.comparing((Contact c) -> !c.urgent())
      .thenComparing(Contact::decisionDueBy)
      .thenComparing(Contact::referralId);

  public Contact {
    Objects.requireNonNull(referralId, "referralId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(decisionDueBy, "decisionDueBy");
    Objects.requireNonNull(deadlinePolicy, "deadlinePolicy");
    if ((status == ContactStatus.DECIDED) != (decision != null)) {
      throw new IllegalArgumentException("a contact is decided exactly when it has a decision");
    }
  }

  public static Contact open(String referralId, String reference, Instant receivedAt, boolean urgent,
      DeadlinePolicy policy) {
    return new Contact(referralId, reference, ContactStatus.OPEN, receivedAt, policy.decisionDueBy(receivedAt),
        policy, urgent, null, 0);
  }

  /** Urgent means screened first: the referrer reports immediate risk, or police assessed domestic abuse as high risk. */
  public static boolean isUrgent(boolean immediateRisk, DashRiskLevel dashRiskLevel) {
    return immediateRisk || dashRiskLevel == DashRiskLevel.HIGH;
  }

  public Contact decide(Outcome outcome, int levelOfNeed, String rationale, Instant decidedAt) {
    if (status == ContactStatus.DECIDED) {
      throw new ContactAlreadyDecided(referralId);
    }
    boolean onTime = !decidedAt.isAfter(decisionDueBy);
    return new Contact(referralId, reference, ContactStatus.DECIDED, receivedAt, decisionDueBy, deadlinePolicy,
        urgent, new TriageDecision(outcome, levelOfNeed, rationale, decidedAt, onTime), version);
  }

  public boolean isOpen() {
    return status == ContactStatus.OPEN;
  }

  /** Negative once the deadline has passed. */
  public Duration timeRemaining(Instant now) {
    return Duration.between(now, decisionDueBy);
  }

  /** While open, the RAG now; once decided, the RAG as it stood when the decision was made. */
  public Rag rag(RagPolicy policy, Instant now) {
    return policy.ragAt(decisionDueBy, decision == null ? now : decision.decidedAt());
  }
}
