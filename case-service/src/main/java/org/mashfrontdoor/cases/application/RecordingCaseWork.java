package org.mashfrontdoor.cases.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.mashfrontdoor.cases.domain.AssessmentOutcome;
import org.mashfrontdoor.cases.domain.Case;
import org.mashfrontdoor.cases.domain.CaseEvent;
import org.mashfrontdoor.cases.domain.ConferenceOutcome;
import org.mashfrontdoor.cases.domain.Participant;
import org.mashfrontdoor.cases.domain.Practitioner;
import org.mashfrontdoor.cases.domain.Section47Outcome;
import org.mashfrontdoor.cases.domain.StatutoryClocks;
import org.mashfrontdoor.platform.codes.Agency;
import org.mashfrontdoor.platform.deadlines.Deadline;
import org.mashfrontdoor.platform.ids.TimeOrderedIds;

/**
 * Practitioners record the work on a case, step by step. Each step reads the case, applies the field's rules and
 * stores the result with its events in one version-checked write; a concurrent change (the deadline clock
 * ticking, say) makes it read and apply again, so no step is lost and none applies twice.
 */
public final class RecordingCaseWork {

  private static final int ATTEMPTS = 5;

  /** A step on a case; throws the domain's exceptions when it does not apply. */
  @FunctionalInterface
  interface Step {
    Case.Change apply(Case current, Instant now);
  }

  private final Cases cases;
  private final StatutoryClocks clocks;
  private final Clock clock;
  private final CaseMetrics metrics;

  public RecordingCaseWork(Cases cases, StatutoryClocks clocks, Clock clock, CaseMetrics metrics) {
    this.cases = cases;
    this.clocks = clocks;
    this.clock = clock;
    this.metrics = metrics;
  }

  public Case holdStrategyDiscussion(String caseId, Instant heldAt, List<Participant> participants,
      boolean section47, String rationale, Practitioner by) {
    return take(caseId, (c, now) -> c.holdStrategyDiscussion(heldAt, participants, section47, rationale, by, now,
        clocks));
  }

  public Case concludeSection47(String caseId, Instant concludedAt, Section47Outcome outcome, Practitioner by) {
    return take(caseId, (c, now) -> c.concludeSection47(concludedAt, outcome, by, now, clocks));
  }

  public Case holdConference(String caseId, Instant heldAt, ConferenceOutcome outcome, Practitioner by) {
    return take(caseId, (c, now) -> c.holdConference(heldAt, outcome, by, now));
  }

  public Case seeChild(String caseId, Instant seenAt, Practitioner by) {
    return take(caseId, (c, now) -> c.seeChild(seenAt, by, now));
  }

  public Case completeAssessment(String caseId, Instant completedAt, AssessmentOutcome outcome, Practitioner by) {
    return take(caseId, (c, now) -> c.completeAssessment(completedAt, outcome, by, now, clocks));
  }

  public Case assignLeadProfessional(String caseId, String name, Agency agency, String role, Practitioner by) {
    return take(caseId, (c, now) -> c.assignLeadProfessional(name, agency, role, by, now));
  }

  public Case startEarlyHelp(String caseId, Instant startedAt, Practitioner by) {
    return take(caseId, (c, now) -> c.startEarlyHelp(startedAt, by, now));
  }

  /** Steps the child up; the new referral's id is allocated here, once, and kept on the case and its event. */
  public Case stepUp(String caseId, String reason, Practitioner by) {
    String newReferralId = TimeOrderedIds.next(clock);
    return take(caseId, (c, now) -> c.stepUp(reason, newReferralId, by, now));
  }

  private Case take(String caseId, Step step) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Case current = cases.withId(caseId).orElseThrow(() -> new CaseNotFound(caseId));
      Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      Case.Change change = step.apply(current, now);
      switch (cases.update(change.after(), current.version(), change.events())) {
        case APPLIED -> {
          change.events().forEach(this::measure);
          return cases.withId(caseId).orElseThrow(() -> new CaseNotFound(caseId));
        }
        case NOT_FOUND -> throw new CaseNotFound(caseId);
        case CONFLICT -> {
          // changed meanwhile (the clock, another practitioner): read again and re-apply the rules to what is there
        }
      }
    }
    throw new KeptChanging(caseId);
  }

  private void measure(CaseEvent event) {
    Deadline met = switch (event) {
      case CaseEvent.ConferenceHeld held -> held.deadline();
      case CaseEvent.ChildSeen seen -> seen.deadline();
      case CaseEvent.AssessmentCompleted completed -> completed.deadline();
      case CaseEvent.EarlyHelpStarted started -> started.deadline();
      default -> null;
    };
    if (met != null && Objects.equals(met.status(), Deadline.Status.MET)) {
      metrics.deadlineMet(met);
    }
  }

  /** The case changed under every attempt (answered 409: try again). */
  public static final class KeptChanging extends RuntimeException {
    public KeptChanging(String caseId) {
      super("Case " + caseId + " kept changing while this step was recorded; nothing was recorded. Try again.");
    }
  }

  /** No case has this id (answered 404). */
  public static final class CaseNotFound extends RuntimeException {
    public CaseNotFound(String caseId) {
      super("No case has the id " + caseId + ".");
    }
  }
}
