package org.mashfrontdoor.triage.adapters.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import org.mashfrontdoor.triage.application.ContactView;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.TriageDecision;

/** What the API answers about contacts; kept apart from the domain records so either can change alone. */
final class ContactResponses {

  private ContactResponses() {
  }

  /** One line of the front-door queue. {@code timeRemaining} is ISO-8601, e.g. {@code PT3H20M} or {@code -PT1H}. */
  record QueueItem(String referralId, String reference, String rag, Instant decisionDueBy, boolean urgent,
      String timeRemaining) {

    static QueueItem of(ContactView view) {
      Contact contact = view.contact();
      return new QueueItem(contact.referralId(), contact.reference(), view.rag().name(), contact.decisionDueBy(),
          contact.urgent(), iso(view.timeRemaining()));
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ContactResponse(String referralId, String reference, String status, String rag, Instant receivedAt,
      Instant decisionDueBy, boolean urgent, DecisionResponse decision) {

    static ContactResponse of(ContactView view) {
      Contact contact = view.contact();
      TriageDecision decision = contact.decision();
      return new ContactResponse(contact.referralId(), contact.reference(), contact.status().name(),
          view.rag().name(), contact.receivedAt(), contact.decisionDueBy(), contact.urgent(),
          decision == null ? null : new DecisionResponse(decision.outcome().name(), decision.levelOfNeed(),
              decision.rationale(), decision.decidedAt(), decision.onTime()));
    }
  }

  record DecisionResponse(String outcome, int levelOfNeed, String rationale, Instant decidedAt, boolean onTime) {
  }

  /** ISO-8601 with a leading sign ({@code -PT1H30M}), rather than Java's {@code PT-1H-30M}. */
  static String iso(Duration duration) {
    return duration.isNegative() ? "-" + duration.negated() : duration.toString();
  }
}
