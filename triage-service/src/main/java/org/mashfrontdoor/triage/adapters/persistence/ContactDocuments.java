package org.mashfrontdoor.triage.adapters.persistence;

import org.mashfrontdoor.platform.codes.MashOutcome;
import org.mashfrontdoor.platform.codes.ReferralType;
import static org.mashfrontdoor.platform.persistence.BsonFields.list;
import static org.mashfrontdoor.platform.persistence.BsonFields.instant;
import static org.mashfrontdoor.platform.persistence.BsonFields.date;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.mashfrontdoor.platform.deadlines.AppliedPolicy;
import org.mashfrontdoor.platform.deadlines.Warnings;
import org.mashfrontdoor.platform.outbox.OutboxedCollection;
import org.mashfrontdoor.triage.domain.Advice;
import org.mashfrontdoor.triage.domain.Agency;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.ContactStatus;
import org.mashfrontdoor.triage.domain.HistoryEntry;
import org.mashfrontdoor.triage.domain.Lane;
import org.mashfrontdoor.triage.domain.MultiAgencyCheck;
import org.mashfrontdoor.triage.domain.Rag;
import org.mashfrontdoor.triage.domain.Recommendation;
import org.mashfrontdoor.triage.domain.Source;
import org.mashfrontdoor.triage.domain.TriageDecision;

/** Maps contacts to and from their stored form ({@code _id} = contact id = the opening referral's id). */
public final class ContactDocuments {

  static final String STATUS = "status";
  static final String LANE = "lane";
  static final String REFERRAL_IDS = "referralIds";
  static final String RAG_STATE = "ragState";
  static final String NEXT_ALARM_AT = "nextAlarmAt";

  private ContactDocuments() {
  }

  /** Every field but {@code _id} and the outbox's own ({@code version}, pending and handled events). */
  static Document state(Contact c) {
    return new Document("reference", c.reference())
        .append(STATUS, c.status().name())
        .append("receivedAt", date(c.receivedAt()))
        .append("decisionDueBy", date(c.decisionDueBy()))
        .append("deadlinePolicy", new Document("id", c.deadlinePolicy().id())
            .append("version", c.deadlinePolicy().version())
            .append("calendarVersion", c.deadlinePolicy().calendarVersion()))
        .append("urgent", c.urgent())
        .append(LANE, c.lane().name())
        .append(REFERRAL_IDS, c.referralIds())
        .append("sources", c.sources().stream().map(s -> new Document("referralId", s.referralId())
            .append("reference", s.reference())
            .append("referralType", s.referralType().name())
            .append("agency", s.agency())
            .append("organisation", s.organisation())
            .append("receivedAt", date(s.receivedAt()))).toList())
        .append("linkedReferralIds", c.linkedReferralIds())
        .append("checks", c.checks().stream().map(k -> new Document("agency", k.agency().name())
            .append("requestedAt", date(k.requestedAt()))
            .append("returnedAt", date(k.returnedAt()))
            .append("recordedAt", date(k.recordedAt()))
            .append("recordedBy", k.recordedBy())).toList())
        .append("advice", c.advice() == null ? null : new Document("text", c.advice().text())
            .append("recordedAt", date(c.advice().recordedAt()))
            .append("recordedBy", c.advice().recordedBy()))
        .append("recommendation", c.recommendation() == null ? null
            : new Document("outcome", c.recommendation().outcome().name())
                .append("levelOfNeed", c.recommendation().levelOfNeed())
                .append("rationale", c.recommendation().rationale())
                .append("adviceToReferrer", c.recommendation().adviceToReferrer())
                .append("recommendedAt", date(c.recommendation().recommendedAt()))
                .append("recommendedBy", c.recommendation().recommendedBy()))
        .append("decision", c.decision() == null ? null : new Document("outcome", c.decision().outcome().name())
            .append("levelOfNeed", c.decision().levelOfNeed())
            .append("rationale", c.decision().rationale())
            .append("adviceToReferrer", c.decision().adviceToReferrer())
            .append("decidedAt", date(c.decision().decidedAt()))
            .append("onTime", c.decision().onTime())
            .append("decidedBy", c.decision().decidedBy()))
        .append(RAG_STATE, c.ragState().name())
        .append(NEXT_ALARM_AT, date(Warnings.storable(c.nextAlarmAt())))
        .append("history", c.history().stream().map(h -> new Document("at", date(h.at()))
            .append("step", h.step().name())
            .append("by", h.by())
            .append("detail", h.detail())).toList());
  }

  public static Document toDocument(Contact contact) {
    Document doc = new Document("_id", contact.contactId());
    doc.putAll(state(contact));
    return doc;
  }

  static Contact toContact(Document d) {
    Document policy = d.get("deadlinePolicy", Document.class);
    Document advice = d.get("advice", Document.class);
    Document recommendation = d.get("recommendation", Document.class);
    Document decision = d.get("decision", Document.class);
    return new Contact(
        d.getString("_id"),
        d.getString("reference"),
        ContactStatus.valueOf(d.getString(STATUS)),
        instant(d, "receivedAt"),
        instant(d, "decisionDueBy"),
        new AppliedPolicy(policy.getString("id"), policy.getInteger("version"),
            policy.getString("calendarVersion")),
        d.getBoolean("urgent", false),
        Lane.valueOf(d.getString(LANE)),
        list(d, "sources", s -> new Source(s.getString("referralId"), s.getString("reference"),
            ReferralType.valueOf(s.getString("referralType")), s.getString("agency"), s.getString("organisation"),
            instant(s, "receivedAt"))),
        d.getList("linkedReferralIds", String.class, List.of()),
        list(d, "checks", k -> new MultiAgencyCheck(Agency.valueOf(k.getString("agency")),
            instant(k, "requestedAt"), instant(k, "returnedAt"), instant(k, "recordedAt"), k.getString("recordedBy"))),
        advice == null ? null : new Advice(advice.getString("text"), instant(advice, "recordedAt"),
            advice.getString("recordedBy")),
        recommendation == null ? null : new Recommendation(MashOutcome.valueOf(recommendation.getString("outcome")),
            recommendation.getInteger("levelOfNeed"), recommendation.getString("rationale"),
            recommendation.getString("adviceToReferrer"), instant(recommendation, "recommendedAt"),
            recommendation.getString("recommendedBy")),
        decision == null ? null : new TriageDecision(MashOutcome.valueOf(decision.getString("outcome")),
            decision.getInteger("levelOfNeed"), decision.getString("rationale"),
            decision.getString("adviceToReferrer"), instant(decision, "decidedAt"),
            decision.getBoolean("onTime", false), decision.getString("decidedBy")),
        Rag.valueOf(d.getString(RAG_STATE)),
        instant(d, NEXT_ALARM_AT),
        list(d, "history", h -> new HistoryEntry(instant(h, "at"), HistoryEntry.Step.valueOf(h.getString("step")),
            h.getString("by"), h.getString("detail"))),
        ((Number) d.get(OutboxedCollection.VERSION)).longValue());
  }

}
