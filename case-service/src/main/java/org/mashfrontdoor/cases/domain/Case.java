package org.mashfrontdoor.cases.domain;

import org.mashfrontdoor.platform.codes.CaseDeadlineKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.mashfrontdoor.platform.codes.Agency;
import org.mashfrontdoor.platform.deadlines.Deadline;

/**
 * The work that follows a front-door decision for one referral: a strategy discussion (and a Section 47 enquiry,
 * and an initial child protection conference), a single assessment, or early help. Not called a children's social
 * care case because early help cases are not social care. A case moves between pathways (an assessment that steps
 * down to early help, or goes on to a strategy discussion) and runs the statutory clocks of each, as
 * {@link Deadline}s stored with it. {@code version} is the stored revision, so two writers never both act on one
 * state.
 *
 * <p>Each step returns the changed case with the events it raises; nothing here reads a clock or a store.
 */
public record Case(
    String caseId,
    String referralId,
    String contactId,
    Pathway pathway,
    CaseStatus status,
    int levelOfNeed,
    String rationale,
    Instant referralReceivedAt,
    Instant decidedAt,
    Instant openedAt,
    StrategyDiscussion strategyDiscussion,
    Section47Enquiry section47,
    ChildProtectionConference conference,
    List<Visit> visits,
    Assessment assessment,
    LeadProfessional leadProfessional,
    Instant earlyHelpStartedAt,
    StepUp stepUp,
    Instant closedAt,
    CloseReason closeReason,
    List<Deadline> deadlines,
    long version) {

  public Case {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(referralId, "referralId");
    Objects.requireNonNull(pathway, "pathway");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(referralReceivedAt, "referralReceivedAt");
    Objects.requireNonNull(openedAt, "openedAt");
    visits = visits == null ? List.of() : List.copyOf(visits);
    deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
    if ((status == CaseStatus.CLOSED) != (closeReason != null)) {
      throw new IllegalArgumentException("a case is closed exactly when it has a close reason");
    }
  }

  /** A step's result: the changed case and what it announces. */
  public record Change(Case after, List<CaseEvent> events) {
    public Change {
      events = List.copyOf(events);
    }
  }

  /**
   * The case a decision opens, if its outcome leads to one, with its first clocks: a single assessment's child
   * seen and assessment, early help's start. One decision opens at most one case, and its id follows from the
   * decision's id, so hearing about the same decision twice names the same case.
   */
  public static Optional<Change> openedBy(TriageDecision decision, StatutoryClocks clocks, Instant now) {
    return Pathway.after(decision.outcome()).map(pathway -> {
      List<Deadline> deadlines = switch (pathway) {
        case SINGLE_ASSESSMENT -> List.of(clocks.start(CaseDeadlineKind.CHILD_SEEN, decision.decidedAt()),
            clocks.start(CaseDeadlineKind.ASSESSMENT, decision.receivedAt()));
        case EARLY_HELP -> List.of(clocks.start(CaseDeadlineKind.EARLY_HELP_START, decision.decidedAt()));
        case STRATEGY_DISCUSSION -> List.of();
      };
      Case opened = new Case(idFor(decision), decision.referralId(), decision.contactId(), pathway, CaseStatus.OPEN,
          decision.levelOfNeed(), decision.rationale(), decision.receivedAt(), decision.decidedAt(), now, null, null,
          null, List.of(), null, null, null, null, null, null, deadlines, 0);
      return new Change(opened, List.of(new CaseEvent.Opened(now)));
    });
  }

  static String idFor(TriageDecision decision) {
    return UUID.nameUUIDFromBytes(("case-opened-by:" + decision.decisionId()).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  // ---- strategy discussion, Section 47, ICPC -------------------------------------------------------------------

  /**
   * The strategy discussion: children's social care, police and health at least. If it starts no Section 47
   * enquiry and the child has not been assessed yet, the case goes on to a single assessment (its clocks start).
   */
  public Change holdStrategyDiscussion(Instant heldAt, List<Participant> participants, boolean section47Enquiry,
      String discussionRationale, Practitioner by, Instant now, StatutoryClocks clocks) {
    requireSocialCare(by, "record a strategy discussion");
    requireOpen();
    requirePathway(Pathway.STRATEGY_DISCUSSION, "a strategy discussion");
    if (strategyDiscussion != null) {
      throw new StepOutOfOrder("The strategy discussion of case " + caseId + " is recorded already.");
    }
    requireWhen("/heldAt", heldAt, now);
    if (!StrategyDiscussion.hasRequiredAgencies(participants)) {
      throw new InvalidStep("/participants", "A strategy discussion needs children's social care "
          + "(LOCAL_AUTHORITY_SOCIAL_CARE), police (POLICE) and health (e.g. GP, HEALTH_VISITOR, HOSPITAL_AE) "
          + "at least (Working Together).");
    }
    Draft next = draft();
    next.strategyDiscussion = new StrategyDiscussion(heldAt, participants, section47Enquiry, discussionRationale,
        by.id());
    List<Agency> agencies = participants.stream().map(Participant::agency).distinct().sorted().toList();
    List<CaseEvent> events = new ArrayList<>(List.of(
        new CaseEvent.StrategyDiscussionHeld(heldAt, section47Enquiry, agencies)));
    if (!section47Enquiry) {
      if (assessment == null) {
        next.pathway = Pathway.SINGLE_ASSESSMENT;
        next.deadlines.add(clocks.start(CaseDeadlineKind.CHILD_SEEN, heldAt));
        if (deadline(CaseDeadlineKind.ASSESSMENT).isEmpty()) {
          next.deadlines.add(clocks.start(CaseDeadlineKind.ASSESSMENT, referralReceivedAt));
        }
      } else {
        events.add(next.close(CloseReason.NO_FURTHER_ACTION, heldAt));
      }
    }
    return new Change(next.build(), events);
  }

  /** The Section 47 enquiry concludes; {@code ICPC} starts the conference's 15-working-day clock. */
  public Change concludeSection47(Instant concludedAt, Section47Outcome outcome, Practitioner by, Instant now,
      StatutoryClocks clocks) {
    requireSocialCare(by, "conclude a Section 47 enquiry");
    requireOpen();
    if (strategyDiscussion == null || !strategyDiscussion.section47()) {
      throw new StepOutOfOrder("Case " + caseId + " has no Section 47 enquiry: a strategy discussion that starts "
          + "one comes first.");
    }
    if (section47 != null) {
      throw new StepOutOfOrder("The Section 47 enquiry of case " + caseId + " has concluded already.");
    }
    requireWhen("/concludedAt", concludedAt, now);
    requireNotBefore("/concludedAt", concludedAt, strategyDiscussion.heldAt(), "the strategy discussion");
    Draft next = draft();
    next.section47 = new Section47Enquiry(concludedAt, outcome, by.id());
    List<CaseEvent> events = new ArrayList<>(List.of(new CaseEvent.Section47Concluded(concludedAt, outcome)));
    switch (outcome) {
      // Within 15 working days of the strategy discussion, not of the enquiry's conclusion.
      case ICPC -> next.deadlines.add(clocks.start(CaseDeadlineKind.ICPC, strategyDiscussion.heldAt()));
      case NO_FURTHER_ACTION -> events.add(next.close(CloseReason.NO_FURTHER_ACTION, concludedAt));
      case CHILD_IN_NEED -> {
        // Support as a child in need continues on the case; no statutory clock of ours runs for it.
      }
    }
    return new Change(next.build(), events);
  }

  /** The initial child protection conference, held: on time or late, never refused. */
  public Change holdConference(Instant heldAt, ConferenceOutcome outcome, Practitioner by, Instant now) {
    requireSocialCare(by, "record a child protection conference");
    requireOpen();
    if (section47 == null || section47.outcome() != Section47Outcome.ICPC) {
      throw new StepOutOfOrder("Case " + caseId + " has no conference to hold: the Section 47 enquiry must "
          + "conclude ICPC first.");
    }
    if (conference != null) {
      throw new StepOutOfOrder("The initial child protection conference of case " + caseId + " is recorded already.");
    }
    requireWhen("/heldAt", heldAt, now);
    requireNotBefore("/heldAt", heldAt, strategyDiscussion.heldAt(), "the strategy discussion");
    Draft next = draft();
    next.conference = new ChildProtectionConference(heldAt, outcome, by.id());
    Deadline met = next.meet(CaseDeadlineKind.ICPC, heldAt);
    return new Change(next.build(), List.of(new CaseEvent.ConferenceHeld(heldAt, outcome, met)));
  }

  // ---- single assessment ---------------------------------------------------------------------------------------

  /** The child seen; the first visit meets the CHILD_SEEN clock, if the case runs one. */
  public Change seeChild(Instant seenAt, Practitioner by, Instant now) {
    requireSocialCare(by, "record a visit");
    requireOpen();
    requireWhen("/seenAt", seenAt, now);
    Draft next = draft();
    next.visits.add(new Visit(seenAt, by.id()));
    Deadline met = next.meet(CaseDeadlineKind.CHILD_SEEN, seenAt);
    return new Change(next.build(), List.of(new CaseEvent.ChildSeen(seenAt, met)));
  }

  public Change completeAssessment(Instant completedAt, AssessmentOutcome outcome, Practitioner by, Instant now,
      StatutoryClocks clocks) {
    requireSocialCare(by, "complete an assessment");
    requireOpen();
    requirePathway(Pathway.SINGLE_ASSESSMENT, "an assessment");
    if (assessment != null) {
      throw new StepOutOfOrder("The assessment of case " + caseId + " is completed already.");
    }
    requireWhen("/completedAt", completedAt, now);
    Draft next = draft();
    next.assessment = new Assessment(completedAt, outcome, by.id());
    Deadline met = next.meet(CaseDeadlineKind.ASSESSMENT, completedAt);
    List<CaseEvent> events = new ArrayList<>(List.of(new CaseEvent.AssessmentCompleted(completedAt, outcome, met)));
    switch (outcome) {
      case STRATEGY_DISCUSSION -> next.pathway = Pathway.STRATEGY_DISCUSSION;
      case STEP_DOWN_TO_EARLY_HELP -> {
        next.pathway = Pathway.EARLY_HELP;
        next.deadlines.add(clocks.start(CaseDeadlineKind.EARLY_HELP_START, completedAt));
        events.add(new CaseEvent.SteppedDown(completedAt));
      }
      case NO_FURTHER_ACTION -> events.add(next.close(CloseReason.NO_FURTHER_ACTION, completedAt));
      case CHILD_IN_NEED_PLAN -> {
        // A child in need plan continues on the case; no statutory clock of ours runs for it.
      }
    }
    return new Change(next.build(), events);
  }

  // ---- early help ----------------------------------------------------------------------------------------------

  /** The lead professional (a later one replaces the earlier). */
  public Change assignLeadProfessional(String name, Agency agency, String role, Practitioner by, Instant now) {
    requireEarlyHelp(by, "assign a lead professional");
    requireOpen();
    requirePathway(Pathway.EARLY_HELP, "a lead professional");
    Draft next = draft();
    next.leadProfessional = new LeadProfessional(name, agency, role, now, by.id());
    return new Change(next.build(), List.of(new CaseEvent.LeadProfessionalAssigned(now, agency, role)));
  }

  /** The early help service starts, led by the lead professional: meets the 4-week clock, on time or late. */
  public Change startEarlyHelp(Instant startedAt, Practitioner by, Instant now) {
    requireEarlyHelp(by, "record the start of early help");
    requireOpen();
    requirePathway(Pathway.EARLY_HELP, "early help");
    if (leadProfessional == null) {
      throw new StepOutOfOrder("Case " + caseId + " has no lead professional yet: assign one first.");
    }
    if (earlyHelpStartedAt != null) {
      throw new StepOutOfOrder("Early help on case " + caseId + " has started already.");
    }
    requireWhen("/startedAt", startedAt, now);
    Draft next = draft();
    next.earlyHelpStartedAt = startedAt;
    Deadline met = next.meet(CaseDeadlineKind.EARLY_HELP_START, startedAt);
    return new Change(next.build(), List.of(new CaseEvent.EarlyHelpStarted(startedAt, met)));
  }

  /**
   * Needs have escalated: the child goes back through the front door as a new referral, {@code newReferralId}.
   * The early help case closes; its clocks stop.
   */
  public Change stepUp(String reason, String newReferralId, Practitioner by, Instant now) {
    requireEarlyHelp(by, "step a child up");
    requireOpen();
    requirePathway(Pathway.EARLY_HELP, "a step-up from early help");
    if (reason == null || reason.isBlank()) {
      throw new InvalidStep("/reason", "A step-up needs the reason needs have escalated.");
    }
    Draft next = draft();
    next.stepUp = new StepUp(reason.strip(), newReferralId, now, by.id());
    CaseEvent closed = next.close(CloseReason.STEPPED_UP, now);
    return new Change(next.build(), List.of(new CaseEvent.SteppedUp(now, next.stepUp), closed));
  }

  // ---- clocks ----------------------------------------------------------------------------------------------------

  /**
   * Every clock of the case at {@code now}: the case with each deadline advanced, and the approaching or breached
   * events reached. Null when no alarm of the case is due.
   */
  public Change advanceClocks(Instant now) {
    if (status != CaseStatus.OPEN || deadlines.stream().noneMatch(d -> d.isDue(now))) {
      return null;
    }
    Draft next = draft();
    List<CaseEvent> events = new ArrayList<>();
    next.deadlines.clear();
    for (Deadline deadline : deadlines) {
      Deadline.Advance advance = deadline.isDue(now) ? deadline.advance(now) : null;
      if (advance == null) {
        next.deadlines.add(deadline);
        continue;
      }
      next.deadlines.add(advance.deadline());
      if (advance.alarm() == Deadline.Alarm.APPROACHING) {
        events.add(new CaseEvent.DeadlineApproaching(now, advance.deadline(), deadline.nextAlarmAt()));
      } else if (advance.alarm() == Deadline.Alarm.BREACHED) {
        events.add(new CaseEvent.DeadlineBreached(now, advance.deadline(), deadline.nextAlarmAt()));
      }
    }
    return new Change(next.build(), events);
  }

  /** When the due sheet should next look at this case; null when no clock of it runs. */
  public Instant nextAlarmAt() {
    if (status != CaseStatus.OPEN) {
      return null;
    }
    return deadlines.stream().map(Deadline::nextAlarmAt).filter(Objects::nonNull).min(Comparator.naturalOrder())
        .orElse(null);
  }

  /**
   * The soonest due time of a deadline still to be met (breached ones included); empty when none, and always for a
   * closed case (its breaches stay on record, but nothing is owed any more).
   */
  public Optional<Instant> soonestDueBy() {
    if (status != CaseStatus.OPEN) {
      return Optional.empty();
    }
    return deadlines.stream()
        .filter(d -> d.status() == Deadline.Status.OPEN || d.status() == Deadline.Status.BREACHED)
        .map(Deadline::dueBy).min(Comparator.naturalOrder());
  }

  /** Whether a deadline still to be met has passed its due time. */
  public boolean isOverdue(Instant now) {
    return soonestDueBy().map(now::isAfter).orElse(false);
  }

  /** The latest deadline of this kind. */
  public Optional<Deadline> deadline(CaseDeadlineKind kind) {
    Deadline found = null;
    for (Deadline d : deadlines) {
      if (d.kind().equals(kind.name())) {
        found = d;
      }
    }
    return Optional.ofNullable(found);
  }

  // ---- rules shared by the steps ---------------------------------------------------------------------------------

  private void requireOpen() {
    if (status != CaseStatus.OPEN) {
      throw new StepOutOfOrder("Case " + caseId + " is closed (" + closeReason + ").");
    }
  }

  private void requirePathway(Pathway expected, String step) {
    if (pathway != expected) {
      throw new StepOutOfOrder("Case " + caseId + " is on the " + pathway + " pathway: " + step
          + " belongs to " + expected + ".");
    }
  }

  private static void requireSocialCare(Practitioner by, String step) {
    if (!by.mayDoSocialCareWork()) {
      throw new NotPermitted(by, step);
    }
  }

  private static void requireEarlyHelp(Practitioner by, String step) {
    if (!by.mayDoEarlyHelpWork()) {
      throw new NotPermitted(by, step);
    }
  }

  /** A step's date: not in the future, not before the referral was received. */
  private void requireWhen(String pointer, Instant at, Instant now) {
    if (at == null) {
      throw new InvalidStep(pointer, "is required");
    }
    if (at.isAfter(now)) {
      throw new InvalidStep(pointer, "lies in the future");
    }
    requireNotBefore(pointer, at, referralReceivedAt, "the referral was received");
  }

  private static void requireNotBefore(String pointer, Instant at, Instant earliest, String what) {
    if (at.isBefore(earliest)) {
      throw new InvalidStep(pointer, "is before " + what + " (" + earliest + ")");
    }
  }

  private Draft draft() {
    return new Draft(this);
  }

  /** A mutable copy for one step, so each step names only what it changes. */
  private static final class Draft {
    private final Case from;
    Pathway pathway;
    CaseStatus status;
    StrategyDiscussion strategyDiscussion;
    Section47Enquiry section47;
    ChildProtectionConference conference;
    final List<Visit> visits;
    Assessment assessment;
    LeadProfessional leadProfessional;
    Instant earlyHelpStartedAt;
    StepUp stepUp;
    Instant closedAt;
    CloseReason closeReason;
    final List<Deadline> deadlines;

    Draft(Case c) {
      from = c;
      pathway = c.pathway;
      status = c.status;
      strategyDiscussion = c.strategyDiscussion;
      section47 = c.section47;
      conference = c.conference;
      visits = new ArrayList<>(c.visits);
      assessment = c.assessment;
      leadProfessional = c.leadProfessional;
      earlyHelpStartedAt = c.earlyHelpStartedAt;
      stepUp = c.stepUp;
      closedAt = c.closedAt;
      closeReason = c.closeReason;
      deadlines = new ArrayList<>(c.deadlines);
    }

    /** Meets the open (or breached) deadline of this kind at {@code at}; the deadline as met, or null if none. */
    Deadline meet(CaseDeadlineKind kind, Instant at) {
      for (int i = deadlines.size() - 1; i >= 0; i--) {
        Deadline d = deadlines.get(i);
        if (d.kind().equals(kind.name())) {
          if (d.status() != Deadline.Status.OPEN && d.status() != Deadline.Status.BREACHED) {
            return null;
          }
          Deadline met = d.meet(at);
          deadlines.set(i, met);
          return met;
        }
      }
      return null;
    }

    /** Closes the case: every clock still running stops. */
    CaseEvent close(CloseReason reason, Instant at) {
      status = CaseStatus.CLOSED;
      closeReason = reason;
      closedAt = at;
      deadlines.replaceAll(Deadline::withdraw);
      return new CaseEvent.Closed(at, reason);
    }

    Case build() {
      return new Case(from.caseId, from.referralId, from.contactId, pathway, status, from.levelOfNeed,
          from.rationale, from.referralReceivedAt, from.decidedAt, from.openedAt, strategyDiscussion, section47,
          conference, visits, assessment, leadProfessional, earlyHelpStartedAt, stepUp, closedAt, closeReason,
          deadlines, from.version);
    }
  }
}
