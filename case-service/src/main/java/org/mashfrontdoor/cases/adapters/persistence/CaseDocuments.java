package org.mashfrontdoor.cases.adapters.persistence;

import static org.mashfrontdoor.platform.persistence.BsonFields.list;
import static org.mashfrontdoor.platform.persistence.BsonFields.instant;
import static org.mashfrontdoor.platform.persistence.BsonFields.date;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.mashfrontdoor.cases.domain.Assessment;
import org.mashfrontdoor.cases.domain.AssessmentOutcome;
import org.mashfrontdoor.cases.domain.Case;
import org.mashfrontdoor.cases.domain.CaseStatus;
import org.mashfrontdoor.cases.domain.ChildProtectionConference;
import org.mashfrontdoor.cases.domain.CloseReason;
import org.mashfrontdoor.cases.domain.ConferenceOutcome;
import org.mashfrontdoor.cases.domain.LeadProfessional;
import org.mashfrontdoor.cases.domain.Participant;
import org.mashfrontdoor.cases.domain.Pathway;
import org.mashfrontdoor.cases.domain.Section47Enquiry;
import org.mashfrontdoor.cases.domain.Section47Outcome;
import org.mashfrontdoor.cases.domain.StepUp;
import org.mashfrontdoor.cases.domain.StrategyDiscussion;
import org.mashfrontdoor.cases.domain.Visit;
import org.mashfrontdoor.platform.codes.Agency;
import org.mashfrontdoor.platform.deadlines.AppliedPolicy;
import org.mashfrontdoor.platform.deadlines.Deadline;
import org.mashfrontdoor.platform.outbox.OutboxedCollection;

/**
 * Maps cases to and from their stored form ({@code _id} = case id). Two derived fields serve the queries:
 * {@value #NEXT_ALARM_AT} (the due sheet) and {@value #WORKLIST_DUE_BY} (the soonest deadline still to be met, or
 * a far-future instant when none, so cases without a running clock sort last).
 */
final class CaseDocuments {

  static final String REFERRAL_ID = "referralId";
  static final String STATUS = "status";
  static final String OPENED_AT = "openedAt";
  static final String NEXT_ALARM_AT = "nextAlarmAt";
  static final String WORKLIST_DUE_BY = "worklistDueBy";
  static final Date NO_DEADLINE = Date.from(Instant.parse("9999-12-31T00:00:00Z"));

  private CaseDocuments() {
  }

  /** Every field but {@code _id} and the outbox's own. */
  static Document state(Case c) {
    return new Document(REFERRAL_ID, c.referralId())
        .append("contactId", c.contactId())
        .append("pathway", c.pathway().name())
        .append(STATUS, c.status().name())
        .append("levelOfNeed", c.levelOfNeed())
        .append("rationale", c.rationale())
        .append("referralReceivedAt", date(c.referralReceivedAt()))
        .append("decidedAt", date(c.decidedAt()))
        .append(OPENED_AT, date(c.openedAt()))
        .append("strategyDiscussion", c.strategyDiscussion() == null ? null
            : new Document("heldAt", date(c.strategyDiscussion().heldAt()))
                .append("participants", c.strategyDiscussion().participants().stream()
                    .map(p -> new Document("agency", p.agency().name()).append("role", p.role())
                        .append("name", p.name())).toList())
                .append("section47", c.strategyDiscussion().section47())
                .append("rationale", c.strategyDiscussion().rationale())
                .append("recordedBy", c.strategyDiscussion().recordedBy()))
        .append("section47", c.section47() == null ? null
            : step(c.section47().concludedAt(), c.section47().outcome().name(), c.section47().recordedBy()))
        .append("conference", c.conference() == null ? null
            : step(c.conference().heldAt(), c.conference().outcome().name(), c.conference().recordedBy()))
        .append("visits", c.visits().stream().map(v -> step(v.seenAt(), null, v.recordedBy())).toList())
        .append("assessment", c.assessment() == null ? null
            : step(c.assessment().completedAt(), c.assessment().outcome().name(), c.assessment().recordedBy()))
        .append("leadProfessional", c.leadProfessional() == null ? null
            : new Document("name", c.leadProfessional().name())
                .append("agency", c.leadProfessional().agency().name())
                .append("role", c.leadProfessional().role())
                .append("assignedAt", date(c.leadProfessional().assignedAt()))
                .append("assignedBy", c.leadProfessional().assignedBy()))
        .append("earlyHelpStartedAt", date(c.earlyHelpStartedAt()))
        .append("stepUp", c.stepUp() == null ? null
            : new Document("reason", c.stepUp().reason())
                .append("newReferralId", c.stepUp().newReferralId())
                .append("steppedUpAt", date(c.stepUp().steppedUpAt()))
                .append("steppedUpBy", c.stepUp().steppedUpBy()))
        .append("closedAt", date(c.closedAt()))
        .append("closeReason", c.closeReason() == null ? null : c.closeReason().name())
        .append("deadlines", c.deadlines().stream().map(CaseDocuments::deadline).toList())
        .append(NEXT_ALARM_AT, date(c.nextAlarmAt()))
        .append(WORKLIST_DUE_BY, c.soonestDueBy().map(Date::from).orElse(NO_DEADLINE));
  }

  static Document toDocument(Case c) {
    Document doc = new Document("_id", c.caseId());
    doc.putAll(state(c));
    return doc;
  }

  static Case toCase(Document d) {
    Document discussion = d.get("strategyDiscussion", Document.class);
    Document s47 = d.get("section47", Document.class);
    Document conference = d.get("conference", Document.class);
    Document assessment = d.get("assessment", Document.class);
    Document lead = d.get("leadProfessional", Document.class);
    Document stepUp = d.get("stepUp", Document.class);
    String closeReason = d.getString("closeReason");
    return new Case(
        d.getString("_id"),
        d.getString(REFERRAL_ID),
        d.getString("contactId"),
        Pathway.valueOf(d.getString("pathway")),
        CaseStatus.valueOf(d.getString(STATUS)),
        d.getInteger("levelOfNeed"),
        d.getString("rationale"),
        instant(d, "referralReceivedAt"),
        instant(d, "decidedAt"),
        instant(d, OPENED_AT),
        discussion == null ? null : new StrategyDiscussion(instant(discussion, "heldAt"),
            list(discussion, "participants", p -> new Participant(Agency.valueOf(p.getString("agency")),
                p.getString("role"), p.getString("name"))),
            discussion.getBoolean("section47"), discussion.getString("rationale"),
            discussion.getString("recordedBy")),
        s47 == null ? null : new Section47Enquiry(instant(s47, "at"), Section47Outcome.valueOf(s47.getString("outcome")),
            s47.getString("by")),
        conference == null ? null : new ChildProtectionConference(instant(conference, "at"),
            ConferenceOutcome.valueOf(conference.getString("outcome")), conference.getString("by")),
        list(d, "visits", v -> new Visit(instant(v, "at"), v.getString("by"))),
        assessment == null ? null : new Assessment(instant(assessment, "at"),
            AssessmentOutcome.valueOf(assessment.getString("outcome")), assessment.getString("by")),
        lead == null ? null : new LeadProfessional(lead.getString("name"), Agency.valueOf(lead.getString("agency")),
            lead.getString("role"), instant(lead, "assignedAt"), lead.getString("assignedBy")),
        instant(d, "earlyHelpStartedAt"),
        stepUp == null ? null : new StepUp(stepUp.getString("reason"), stepUp.getString("newReferralId"),
            instant(stepUp, "steppedUpAt"), stepUp.getString("steppedUpBy")),
        instant(d, "closedAt"),
        closeReason == null ? null : CloseReason.valueOf(closeReason),
        list(d, "deadlines", CaseDocuments::toDeadline),
        ((Number) d.get(OutboxedCollection.VERSION)).longValue());
  }

  private static Document step(Instant at, String outcome, String by) {
    return new Document("at", date(at)).append("outcome", outcome).append("by", by);
  }

  private static Document deadline(Deadline d) {
    return new Document("kind", d.kind())
        .append("startedAt", date(d.startedAt()))
        .append("dueBy", date(d.dueBy()))
        .append("policy", new Document("id", d.policy().id()).append("version", d.policy().version())
            .append("calendarVersion", d.policy().calendarVersion()))
        .append("warnBefore", d.warnBefore().toString())
        .append("status", d.status().name())
        .append("announced", d.announced() == null ? null : d.announced().name())
        .append("metAt", date(d.metAt()))
        .append("nextAlarmAt", date(d.nextAlarmAt()));
  }

  private static Deadline toDeadline(Document d) {
    Document policy = d.get("policy", Document.class);
    String announced = d.getString("announced");
    return new Deadline(d.getString("kind"), instant(d, "startedAt"), instant(d, "dueBy"),
        new AppliedPolicy(policy.getString("id"), policy.getInteger("version"), policy.getString("calendarVersion")),
        java.time.Duration.parse(d.getString("warnBefore")), Deadline.Status.valueOf(d.getString("status")),
        announced == null ? null : Deadline.Alarm.valueOf(announced), instant(d, "metAt"), instant(d, "nextAlarmAt"));
  }

}
