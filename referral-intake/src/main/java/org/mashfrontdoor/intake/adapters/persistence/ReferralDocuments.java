package org.mashfrontdoor.intake.adapters.persistence;

import org.mashfrontdoor.platform.codes.MashOutcome;
import static org.mashfrontdoor.platform.persistence.BsonFields.instant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.mashfrontdoor.intake.domain.ChildIdentity;
import org.mashfrontdoor.intake.domain.Links;
import org.mashfrontdoor.intake.domain.Milestone;
import org.mashfrontdoor.intake.domain.NewReferral;
import org.mashfrontdoor.intake.domain.Referral;
import org.mashfrontdoor.intake.domain.ReferralStatus;
import org.mashfrontdoor.platform.deadlines.AppliedPolicy;
import org.mashfrontdoor.platform.events.EventJson;

/**
 * Maps a {@link Referral} to and from its MongoDB document. The form is stored as the JSON of its domain record
 * (nothing queries inside it); what is queried (times, partner, child keys, status) is stored as typed fields.
 */
final class ReferralDocuments {

  private ReferralDocuments() {
  }

  static Document toDocument(Referral r) {
    return new Document("_id", r.referralId())
        .append("reference", r.reference())
        .append("partnerId", r.partnerId())
        .append("form", Document.parse(EventJson.mapper().writeValueAsString(r.form())))
        .append("receivedAt", Date.from(r.receivedAt()))
        .append("decisionDueBy", Date.from(r.decisionDueBy()))
        .append("deadlinePolicy", r.deadlinePolicy() == null ? null : new Document("id", r.deadlinePolicy().id())
            .append("version", r.deadlinePolicy().version())
            .append("calendarVersion", r.deadlinePolicy().calendarVersion()))
        .append("reReferral", r.links().reReferral())
        .append("linkedReferralIds", r.links().linkedReferralIds())
        .append("childKeys", r.childKeys())
        .append("childIdentities", childIdentities(r.childIdentities()))
        .append("status", r.status().name())
        .append("outcome", r.outcome() == null ? null : r.outcome().name())
        .append("adviceToReferrer", r.adviceToReferrer())
        .append("timeline", timeline(r))
        .append("updatedAt", Date.from(r.updatedAt()));
  }

  static List<Document> childIdentities(List<ChildIdentity> children) {
    return children.stream().map(c -> new Document("nhs", c.nhsKey()).append("upn", c.upnKey())
        .append("name", c.nameKey())).toList();
  }

  static List<ChildIdentity> childIdentitiesOf(List<Document> children) {
    return children.stream().map(c -> new ChildIdentity(c.getString("nhs"), c.getString("upn"),
        c.getString("name"))).toList();
  }

  static List<Document> timeline(Referral r) {
    return r.timeline().stream().map(t -> new Document("milestone", t.milestone().name())
        .append("at", Date.from(t.at()))
        .append("outcome", t.outcome() == null ? null : t.outcome().name())
        .append("pathway", t.pathway())).toList();
  }

  static Referral fromDocument(Document d) {
    return fromDocument(d, EventJson.mapper().readValue(d.get("form", Document.class).toJson(), NewReferral.class));
  }

  /**
   * The referral as a change of the referrer's view sees it ({@link MongoReferrals#updateAll}): without its form,
   * which no such change reads or writes, so it is neither read from the store nor parsed (a JSON round trip per
   * referral, 4% of intake's CPU under load). Never to be written whole.
   */
  static Referral progressOf(Document d) {
    return fromDocument(d, null);
  }

  /** The fields a change of the referrer's view does not read or write: the form. */
  static final List<String> NOT_FOR_PROGRESS = List.of("form");

  private static Referral fromDocument(Document d, NewReferral form) {
    Document policy = d.get("deadlinePolicy", Document.class);
    List<Referral.StatusChange> timeline = new ArrayList<>();
    for (Document t : d.getList("timeline", Document.class)) {
      timeline.add(new Referral.StatusChange(Milestone.valueOf(t.getString("milestone")), instant(t, "at"),
          t.getString("outcome") == null ? null : MashOutcome.valueOf(t.getString("outcome")),
          t.getString("pathway")));
    }
    return new Referral(
        d.getString("_id"),
        d.getString("reference"),
        d.getString("partnerId"),
        form,
        instant(d, "receivedAt"),
        instant(d, "decisionDueBy"),
        // Referrals stored before the policy was kept have none.
        policy == null ? null
            : new AppliedPolicy(policy.getString("id"), policy.getInteger("version"),
                policy.getString("calendarVersion")),
        new Links(Boolean.TRUE.equals(d.getBoolean("reReferral")), d.getList("linkedReferralIds", String.class)),
        // Referrals stored before identities were kept per child have none (they link by key alone).
        childIdentitiesOf(d.getList("childIdentities", Document.class, List.of())),
        ReferralStatus.valueOf(d.getString("status")),
        d.getString("outcome") == null ? null : MashOutcome.valueOf(d.getString("outcome")),
        d.getString("adviceToReferrer"),
        timeline,
        instant(d, "updatedAt"));
  }

}
