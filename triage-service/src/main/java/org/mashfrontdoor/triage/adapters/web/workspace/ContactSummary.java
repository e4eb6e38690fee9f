package org.mashfrontdoor.triage.adapters.web.workspace;

import java.time.Duration;
import java.util.List;
import org.mashfrontdoor.platform.staffpages.FieldWords;
import org.mashfrontdoor.triage.application.ContactView;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.Rag;
import org.mashfrontdoor.triage.domain.TriageDecision;

/**
 * A contact as the contact page shows it, in words. The referral's own sections (children, household, concern,
 * DASH, consent, referrer) go in the template {@code workspace/contact-referral}, next to {@link #sources}.
 */
record ContactSummary(String referralId, String reference, boolean open, String status, FieldWords.Tag rag,
    String timeLeft, String dueAt, String receivedAt, boolean urgent, String lane, String deadlinePolicy,
    List<SourceLine> sources, List<String> linkedReferralIds, List<CheckLine> checks, Step advice,
    Step recommendation, Step decision, List<HistoryLine> history, String recommendedOutcome,
    String recommendedLevel, String recommendedAdvice, String adviceToReferrer) {

  record SourceLine(String reference, String type, String from, String receivedAt) {
  }

  record CheckLine(String agency, String requestedAt, String returnedAt, String recordedBy) {
  }

  /** A recorded step: what (outcome, level), why, when and by whom. */
  record Step(String what, String level, String text, String at, String by, String late) {
  }

  record HistoryLine(String at, String step, String by, String detail) {
  }

  static ContactSummary of(ContactView view) {
    return of(view.contact(), view.rag(), view.timeRemaining());
  }

  static ContactSummary of(Contact c, Rag rag, Duration timeRemaining) {
    TriageDecision d = c.decision();
    return new ContactSummary(c.referralId(), c.reference() == null ? c.referralId() : c.reference(), c.isOpen(),
        c.isOpen() ? "Waiting for a decision" : "Decided", FieldWords.rag(rag.name()),
        c.isOpen() ? Words.timeLeft(timeRemaining) : "", Words.when(c.decisionDueBy()),
        Words.when(c.receivedAt()), c.urgent(), FieldWords.lane(c.lane().name()),
        c.deadlinePolicy().id() + " (version " + c.deadlinePolicy().version() + ")",
        c.sources().stream().map(s -> new SourceLine(s.reference(), Words.referralType(s.referralType()),
            Words.code(s.agency()) + (s.organisation() == null ? "" : ", " + s.organisation()),
            Words.when(s.receivedAt()))).toList(),
        c.linkedReferralIds(),
        c.checks().stream().map(k -> new CheckLine(Words.code(k.agency().name()), Words.when(k.requestedAt()),
            k.returnedAt() == null ? "Not yet" : Words.when(k.returnedAt()), k.recordedBy())).toList(),
        c.advice() == null ? null : new Step(null, null, c.advice().text(), Words.when(c.advice().recordedAt()),
            c.advice().recordedBy(), null),
        c.recommendation() == null ? null : new Step(Words.outcome(c.recommendation().outcome()),
            Words.levelOfNeed(c.recommendation().levelOfNeed()), c.recommendation().rationale(),
            Words.when(c.recommendation().recommendedAt()), c.recommendation().recommendedBy(), null),
        d == null ? null : new Step(Words.outcome(d.outcome()), Words.levelOfNeed(d.levelOfNeed()), d.rationale(),
            Words.when(d.decidedAt()), d.decidedBy(), d.onTime() ? null : "After the deadline"),
        c.history().stream().map(h -> new HistoryLine(Words.when(h.at()), Words.step(h.step()), h.by(),
            h.detail() == null ? "" : h.detail().matches("[A-Z_]+") ? Words.code(h.detail()) : h.detail()))
            .toList(),
        c.recommendation() == null ? null : c.recommendation().outcome().name(),
        c.recommendation() == null ? null : Integer.toString(c.recommendation().levelOfNeed()),
        c.recommendation() == null ? null : c.recommendation().adviceToReferrer(),
        d == null ? null : d.adviceToReferrer());
  }
}
