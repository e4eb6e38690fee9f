package org.mashfrontdoor.intake.adapters.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import org.bson.Document;
import org.mashfrontdoor.intake.domain.Agency;
import org.mashfrontdoor.intake.domain.ConcernCategory;
import org.mashfrontdoor.intake.domain.DashRiskLevel;
import org.mashfrontdoor.intake.domain.Referral;
import org.mashfrontdoor.intake.domain.ReferralStatus;
import org.mashfrontdoor.intake.domain.ReferralType;
import org.mashfrontdoor.intake.domain.TriageOutcome;

/** Maps a {@link Referral} to and from its MongoDB document. */
final class ReferralDocuments {

  private ReferralDocuments() {
  }

  static Document toDocument(Referral r) {
    Referral.Referrer by = r.referrer();
    List<Document> children = new ArrayList<>();
    for (Referral.Child c : r.children()) {
      Document child = new Document("givenName", c.givenName()).append("familyName", c.familyName())
          .append("dateOfBirth", c.dateOfBirth() == null ? null : c.dateOfBirth().toString())
          .append("nhsNumber", c.nhsNumber())
          .append("onChildProtectionPlan", c.onChildProtectionPlan());
      if (c.address() != null) {
        child.append("address", new Document("line1", c.address().line1()).append("line2", c.address().line2())
            .append("town", c.address().town()).append("postcode", c.address().postcode()));
      }
      children.add(child);
    }
    return new Document("_id", r.referralId())
        .append("reference", r.reference())
        .append("referralType", r.referralType().name())
        .append("referrer", new Document("agency", by.agency().name()).append("organisation", by.organisation())
            .append("name", by.name()).append("role", by.role()).append("email", by.email())
            .append("phone", by.phone()))
        .append("children", children)
        .append("concern", new Document("categories", r.concern().categories().stream().map(Enum::name).sorted().toList())
            .append("summary", r.concern().summary()).append("immediateRisk", r.concern().immediateRisk())
            .append("levelOfNeed", r.concern().levelOfNeed()))
        .append("dashRiskLevel", r.dashRiskLevel() == null ? null : r.dashRiskLevel().name())
        .append("consent", r.consent() == null ? null : new Document("parentAware", r.consent().parentAware())
            .append("consentGiven", r.consent().consentGiven())
            .append("reasonNotSought", r.consent().reasonNotSought()))
        .append("receivedAt", Date.from(r.receivedAt()))
        .append("decisionDueBy", Date.from(r.decisionDueBy()))
        .append("status", r.status().name())
        .append("outcome", r.outcome() == null ? null : r.outcome().name())
        .append("timeline", timeline(r));
  }

  static List<Document> timeline(Referral r) {
    return r.timeline().stream().map(t -> new Document("status", t.status().name()).append("at", Date.from(t.at()))
        .append("outcome", t.outcome() == null ? null : t.outcome().name())).toList();
  }

  static Referral fromDocument(Document d) {
    Document by = d.get("referrer", Document.class);
    List<Referral.Child> children = new ArrayList<>();
    for (Document c : d.getList("children", Document.class)) {
      Document a = c.get("address", Document.class);
      children.add(new Referral.Child(c.getString("givenName"), c.getString("familyName"),
          c.getString("dateOfBirth") == null ? null : LocalDate.parse(c.getString("dateOfBirth")),
          c.getString("nhsNumber"),
          a == null ? null : new Referral.Address(a.getString("line1"), a.getString("line2"), a.getString("town"),
              a.getString("postcode")),
          Boolean.TRUE.equals(c.getBoolean("onChildProtectionPlan"))));
    }
    Document concern = d.get("concern", Document.class);
    EnumSet<ConcernCategory> categories = EnumSet.noneOf(ConcernCategory.class);
    concern.getList("categories", String.class).forEach(c -> categories.add(ConcernCategory.valueOf(c)));
    Document consent = d.get("consent", Document.class);
    List<Referral.StatusChange> timeline = new ArrayList<>();
    for (Document t : d.getList("timeline", Document.class)) {
      timeline.add(new Referral.StatusChange(ReferralStatus.valueOf(t.getString("status")), instant(t, "at"),
          t.getString("outcome") == null ? null : TriageOutcome.valueOf(t.getString("outcome"))));
    }
    return new Referral(
        d.getString("_id"),
        d.getString("reference"),
        ReferralType.valueOf(d.getString("referralType")),
        new Referral.Referrer(Agency.valueOf(by.getString("agency")), by.getString("organisation"),
            by.getString("name"), by.getString("role"), by.getString("email"), by.getString("phone")),
        children,
        new Referral.Concern(categories, concern.getString("summary"),
            Boolean.TRUE.equals(concern.getBoolean("immediateRisk")), concern.getInteger("levelOfNeed")),
        d.getString("dashRiskLevel") == null ? null : DashRiskLevel.valueOf(d.getString("dashRiskLevel")),
        consent == null ? null : new Referral.Consent(Boolean.TRUE.equals(consent.getBoolean("parentAware")),
            Boolean.TRUE.equals(consent.getBoolean("consentGiven")), consent.getString("reasonNotSought")),
        instant(d, "receivedAt"),
        instant(d, "decisionDueBy"),
        ReferralStatus.valueOf(d.getString("status")),
        d.getString("outcome") == null ? null : TriageOutcome.valueOf(d.getString("outcome")),
        timeline);
  }

  private static Instant instant(Document d, String field) {
    Date date = d.getDate(field);
    return date == null ? null : date.toInstant();
  }
}
