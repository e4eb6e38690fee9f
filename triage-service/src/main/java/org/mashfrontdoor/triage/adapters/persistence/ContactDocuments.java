package org.mashfrontdoor.triage.adapters.persistence;

import java.time.Duration;
import java.util.Date;
import org.bson.Document;
import org.mashfrontdoor.platform.outbox.OutboxedCollection;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.ContactStatus;
import org.mashfrontdoor.triage.domain.DeadlinePolicy;
import org.mashfrontdoor.triage.domain.Outcome;
import org.mashfrontdoor.triage.domain.TriageDecision;

/** Maps contacts to and from their stored form ({@code _id} = referral id). */
final class ContactDocuments {

  static final String STATUS = "status";
  static final String DECISION = "decision";

  private ContactDocuments() {
  }

  static Document toDocument(Contact contact) {
    DeadlinePolicy policy = contact.deadlinePolicy();
    return new Document("_id", contact.referralId())
        .append("reference", contact.reference())
        .append(STATUS, contact.status().name())
        .append("receivedAt", Date.from(contact.receivedAt()))
        .append("decisionDueBy", Date.from(contact.decisionDueBy()))
        .append("deadlinePolicy", new Document("id", policy.id())
            .append("version", policy.version())
            .append("allowed", policy.allowed().toString()))
        .append("urgent", contact.urgent())
        .append(DECISION, contact.decision() == null ? null : toDocument(contact.decision()));
  }

  static Document toDocument(TriageDecision decision) {
    return new Document("outcome", decision.outcome().name())
        .append("levelOfNeed", decision.levelOfNeed())
        .append("rationale", decision.rationale())
        .append("decidedAt", Date.from(decision.decidedAt()))
        .append("onTime", decision.onTime());
  }

  static Contact toContact(Document doc) {
    Document policy = doc.get("deadlinePolicy", Document.class);
    Document decision = doc.get(DECISION, Document.class);
    return new Contact(
        doc.getString("_id"),
        doc.getString("reference"),
        ContactStatus.valueOf(doc.getString(STATUS)),
        doc.getDate("receivedAt").toInstant(),
        doc.getDate("decisionDueBy").toInstant(),
        new DeadlinePolicy(policy.getString("id"), policy.getInteger("version"),
            Duration.parse(policy.getString("allowed"))),
        doc.getBoolean("urgent", false),
        decision == null ? null : new TriageDecision(
            Outcome.valueOf(decision.getString("outcome")),
            decision.getInteger("levelOfNeed"),
            decision.getString("rationale"),
            decision.getDate("decidedAt").toInstant(),
            decision.getBoolean("onTime", false)),
        ((Number) doc.get(OutboxedCollection.VERSION)).longValue());
  }
}
