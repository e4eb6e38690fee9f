package org.mashfrontdoor.triage.domain;

import org.mashfrontdoor.platform.codes.MashOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.mashfrontdoor.platform.deadlines.AppliedPolicy;

/**
 * A contact at the MASH front door: one or more linked referrals (its {@code sources}) about the same child,
 * awaiting (or having had) a manager's decision. It is identified by the referral that opened it
 * ({@code contactId}). {@code version} is the stored revision, so two writers can never both act on one state.
 *
 * <p>The deadline clock: {@code ragState} is the RAG last announced and {@code nextAlarmAt} the instant it next
 * changes (null once breached or decided). The due-sheet poller advances both, announcing each change once.
 */
public record Contact(
    String contactId,
    String reference,
    ContactStatus status,
    Instant receivedAt,
    Instant decisionDueBy,
    AppliedPolicy deadlinePolicy,
    boolean urgent,
    Lane lane,
    List<Source> sources,
    List<String> linkedReferralIds,
    List<MultiAgencyCheck> checks,
    Advice advice,
    Recommendation recommendation,
    TriageDecision decision,
    Rag ragState,
    Instant nextAlarmAt,
    List<HistoryEntry> history,
    long version) {

  /** The queue: urgent contacts first, then the least time left. */
  public static final Comparator<Contact> QUEUE_ORDER = Comparator.comparing((Contact c) -> !c.urgent())
      .thenComparing(Contact::decisionDueBy)
      .thenComparing(Contact::contactId);

  public Contact {
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(decisionDueBy, "decisionDueBy");
    Objects.requireNonNull(deadlinePolicy, "deadlinePolicy");
    Objects.requireNonNull(lane, "lane");
    Objects.requireNonNull(ragState, "ragState");
    sources = List.copyOf(sources);
    linkedReferralIds = linkedReferralIds == null ? List.of() : List.copyOf(linkedReferralIds);
    checks = checks == null ? List.of() : List.copyOf(checks);
    history = history == null ? List.of() : List.copyOf(history);
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("a contact has at least the referral that opened it");
    }
    if ((status == ContactStatus.DECIDED) != (decision != null)) {
      throw new IllegalArgumentException("a contact is decided exactly when it has a decision");
    }
  }

  /**
   * Opens a contact for a referral: GREEN, its first alarm set for when it turns AMBER (or later). The deadline is
   * the one intake set and acknowledged to the referrer, never recomputed here.
   */
  public static Contact open(Referral referral, RagPolicy ragPolicy, Instant now) {
    Instant due = referral.decisionDueBy();
    return new Contact(referral.referralId(), referral.reference(), ContactStatus.OPEN, referral.receivedAt(), due,
        referral.deadlinePolicy(), referral.urgent(), referral.lane(), List.of(referral.source()),
        referral.linkedReferralIds(), List.of(), null, null, null, Rag.GREEN, due.minus(ragPolicy.amber()),
        List.of(new HistoryEntry(now, HistoryEntry.Step.OPENED, referral.agency(), referral.reference())), 0);
  }

  /** The opening referral: the subject of the contact's events. */
  public String referralId() {
    return contactId;
  }

  public List<String> referralIds() {
    return sources.stream().map(Source::referralId).toList();
  }

  public boolean isOpen() {
    return status == ContactStatus.OPEN;
  }

  /**
   * A linked referral about the same child joins this contact: it keeps its clock (started by the first
   * referral); it becomes urgent if the new referral is; and a MASH-lane referral lifts it out of the
   * domestic-abuse lane.
   */
  public Contact join(Referral referral, Instant now) {
    requireOpen();
    List<String> linked = Stream.concat(linkedReferralIds.stream(), referral.linkedReferralIds().stream())
        .filter(id -> !id.equals(referral.referralId())).distinct().toList();
    Lane joinedLane = lane == Lane.MASH || referral.lane() == Lane.MASH ? Lane.MASH : Lane.DOMESTIC_ABUSE;
    return new Contact(contactId, reference, status, receivedAt, decisionDueBy, deadlinePolicy,
        urgent || referral.urgent(), joinedLane, append(sources, referral.source()), linked, checks, advice,
        recommendation, decision, ragState, nextAlarmAt,
        append(history, new HistoryEntry(now, HistoryEntry.Step.REFERRAL_JOINED, referral.agency(),
            referral.reference())), version);
  }

  /** A social worker records multi-agency checks and/or the advice given (advice replaces earlier advice). */
  public Contact recordChecks(List<MultiAgencyCheck> newChecks, String adviceText, Staff staff, Instant now) {
    if (!staff.mayRecommend()) {
      throw new NotPermitted(staff, "record checks");
    }
    requireOpen();
    if (newChecks.isEmpty() && adviceText == null) {
      throw new IllegalArgumentException("record at least one check or the advice given");
    }
    List<HistoryEntry> entries = new ArrayList<>(history);
    List<MultiAgencyCheck> allChecks = new ArrayList<>(checks);
    for (MultiAgencyCheck check : newChecks) {
      allChecks.add(check);
      entries.add(new HistoryEntry(now, HistoryEntry.Step.CHECKS_RECORDED, staff.id(), check.agency().name()));
    }
    Advice newAdvice = advice;
    if (adviceText != null) {
      newAdvice = new Advice(adviceText, now, staff.id());
      entries.add(new HistoryEntry(now, HistoryEntry.Step.ADVICE_RECORDED, staff.id(), null));
    }
    return new Contact(contactId, reference, status, receivedAt, decisionDueBy, deadlinePolicy, urgent, lane,
        sources, linkedReferralIds, allChecks, newAdvice, recommendation, decision, ragState, nextAlarmAt, entries,
        version);
  }

  /** {@code adviceToReferrer}, if any, is the advice the social worker proposes; the manager's decision gives it. */
  public Contact recommend(MashOutcome outcome, int levelOfNeed, String rationale, String adviceToReferrer, Staff staff,
      Instant now) {
    if (!staff.mayRecommend()) {
      throw new NotPermitted(staff, "recommend an outcome");
    }
    requireOpen();
    if (recommendation != null) {
      throw new StepOutOfOrder(contactId, "The contact for referral " + contactId
          + " has a recommendation already, awaiting a manager's sign-off.");
    }
    requireAdviceFor(outcome);
    return new Contact(contactId, reference, status, receivedAt, decisionDueBy, deadlinePolicy, urgent, lane,
        sources, linkedReferralIds, checks, advice,
        new Recommendation(outcome, levelOfNeed, rationale, adviceToReferrer, now, staff.id()), decision, ragState,
        nextAlarmAt,
        append(history, new HistoryEntry(now, HistoryEntry.Step.RECOMMENDED, staff.id(), outcome.name())), version);
  }

  /**
   * A manager signs off the recommendation (possibly with a different outcome: the manager decides). The
   * decision is final and stops the clock; after the deadline it is still recorded, marked late. An outcome that
   * closes the contact at the front door (no further action, information and advice) tells the referrer what to do:
   * {@code adviceToReferrer} is required for it.
   */
  public Contact signOff(MashOutcome outcome, int levelOfNeed, String rationale, String adviceToReferrer, Staff staff,
      Instant decidedAt) {
    if (!staff.maySignOff()) {
      throw new NotPermitted(staff, "sign off a decision");
    }
    requireOpen();
    if (recommendation == null) {
      throw new StepOutOfOrder(contactId, "The contact for referral " + contactId
          + " has no recommendation to sign off yet.");
    }
    requireAdviceFor(outcome);
    if (!TriageDecision.carriesAdviceWhereNeeded(outcome, adviceToReferrer)) {
      throw new IllegalArgumentException(outcome + " closes the contact at the front door: give the referrer "
          + "advice (adviceToReferrer)");
    }
    boolean onTime = !decidedAt.isAfter(decisionDueBy);
    return new Contact(contactId, reference, ContactStatus.DECIDED, receivedAt, decisionDueBy, deadlinePolicy,
        urgent, lane, sources, linkedReferralIds, checks, advice, recommendation,
        new TriageDecision(outcome, levelOfNeed, rationale, adviceToReferrer, decidedAt, onTime, staff.id()),
        ragState, null,
        append(history, new HistoryEntry(decidedAt, HistoryEntry.Step.DECIDED, staff.id(), outcome.name())),
        version);
  }

  /**
   * The deadline clock, at {@code now}: if the RAG has changed since last announced, the contact with its new
   * RAG and next alarm, plus the event announcing the change (only the RAG reached now: after an outage, stale
   * warnings are not sent for a contact already past them). If not (an early or repeated alarm, or thresholds
   * reconfigured), the contact with its alarm re-set and no event. Null if there is nothing to do.
   */
  public Advance advanceRag(RagPolicy policy, Instant now) {
    if (!isOpen() || nextAlarmAt == null) {
      return null;
    }
    Rag reached = policy.ragAt(decisionDueBy, now);
    Instant next = policy.nextChange(decisionDueBy, now);
    if (reached == ragState || reached.ordinal() < ragState.ordinal()) {
      return new Advance(withClock(ragState, next, history), null);
    }
    Instant scheduledFor = nextAlarmAt;
    HistoryEntry.Step step = switch (reached) {
      case AMBER -> HistoryEntry.Step.TURNED_AMBER;
      case RED -> HistoryEntry.Step.TURNED_RED;
      default -> HistoryEntry.Step.BREACHED;
    };
    Contact advanced = withClock(reached, next,
        append(history, new HistoryEntry(now, step, HistoryEntry.CLOCK, null)));
    TriageEvent event = reached == Rag.BREACHED
        ? new TriageEvent.DeadlineBreached(advanced, scheduledFor, now)
        : new TriageEvent.DeadlineApproaching(advanced, reached, scheduledFor, now);
    return new Advance(advanced, event);
  }

  /** The result of one tick of the deadline clock; {@code event} is null if nothing is to be announced. */
  public record Advance(Contact contact, TriageEvent event) {
  }

  /** Negative once the deadline has passed. */
  public Duration timeRemaining(Instant now) {
    return Duration.between(now, decisionDueBy);
  }

  /** While open, the RAG now; once decided, the RAG as it stood when the decision was made. */
  public Rag rag(RagPolicy policy, Instant now) {
    return policy.ragAt(decisionDueBy, decision == null ? now : decision.decidedAt());
  }

  private Contact withClock(Rag rag, Instant alarm, List<HistoryEntry> entries) {
    return new Contact(contactId, reference, status, receivedAt, decisionDueBy, deadlinePolicy, urgent, lane,
        sources, linkedReferralIds, checks, advice, recommendation, decision, rag, alarm, entries, version);
  }

  private void requireOpen() {
    if (status == ContactStatus.DECIDED) {
      throw new ContactAlreadyDecided(contactId);
    }
  }

  private void requireAdviceFor(MashOutcome outcome) {
    if (outcome == MashOutcome.INFORMATION_AND_ADVICE && advice == null) {
      // Said in the field's words, not an API's: the workspace shows it as it is.
      throw new StepOutOfOrder(contactId, "Information and advice needs the advice given recorded first, with the"
          + " checks.");
    }
  }

  private static <T> List<T> append(List<T> list, T item) {
    List<T> copy = new ArrayList<>(list);
    copy.add(item);
    return copy;
  }
}
