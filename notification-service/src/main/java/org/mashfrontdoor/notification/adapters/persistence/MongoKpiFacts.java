package org.mashfrontdoor.notification.adapters.persistence;

import org.mashfrontdoor.platform.codes.MashOutcome;
import static org.mashfrontdoor.platform.persistence.BsonFields.date;
import static org.mashfrontdoor.platform.persistence.BsonFields.instant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.mashfrontdoor.notification.application.KpiFacts;
import org.mashfrontdoor.notification.domain.kpi.CountedContact;
import org.mashfrontdoor.notification.domain.kpi.Facts;
import org.mashfrontdoor.notification.domain.kpi.PathwayMilestone;
import org.mashfrontdoor.platform.codes.CaseDeadlineKind;

/**
 * The KPI projection in {@code kpiContacts} ({@code _id} = contact id) and {@code kpiMilestones} ({@code _id} =
 * the case event's id). Writes are key lookups that set values (idempotent, order-free); each entry keeps its
 * {@code month} (YYYY-MM, Europe/London) so a scorecard reads one financial year, not everything.
 */
public final class MongoKpiFacts implements KpiFacts {

  private final MongoCollection<Document> contacts;
  private final MongoCollection<Document> milestones;

  public MongoKpiFacts(MongoDatabase database) {
    this.contacts = database.getCollection("kpiContacts");
    this.milestones = database.getCollection("kpiMilestones");
  }

  @Override
  public void opened(String contactId, String source, String referralType, String lane, boolean reReferral,
      Instant receivedAt, Instant decisionDueBy) {
    contacts.updateOne(Filters.eq("_id", contactId), Updates.combine(
        Updates.set("source", source),
        Updates.set("referralType", referralType),
        Updates.set("lane", lane),
        Updates.set("reReferral", reReferral),
        received(receivedAt, decisionDueBy)), new UpdateOptions().upsert(true));
  }

  @Override
  public void decided(String contactId, MashOutcome outcome, Instant receivedAt, Instant decisionDueBy,
      Instant decidedAt) {
    contacts.updateOne(Filters.eq("_id", contactId), Updates.combine(
        Updates.set("outcome", outcome.name()),
        Updates.set("decidedAt", date(decidedAt)),
        received(receivedAt, decisionDueBy)), new UpdateOptions().upsert(true));
  }

  private static Bson received(Instant receivedAt, Instant decisionDueBy) {
    return Updates.combine(
        Updates.set("month", Facts.monthOf(receivedAt).toString()),
        Updates.set("receivedAt", date(receivedAt)),
        Updates.set("decisionDueBy", date(decisionDueBy)));
  }

  @Override
  public void reached(PathwayMilestone milestone) {
    milestones.replaceOne(Filters.eq("_id", milestone.id()), new Document("_id", milestone.id())
        .append("kind", milestone.kind().name())
        .append("at", date(milestone.at()))
        .append("onTime", milestone.onTime())
        .append("month", Facts.monthOf(milestone.at()).toString()), new ReplaceOptions().upsert(true));
  }

  @Override
  public List<CountedContact> contactsReceived(YearMonth first, YearMonth last) {
    return contacts.find(Filters.in("month", months(first, last))).map(d -> new CountedContact(d.getString("_id"),
        d.getString("source"), d.getString("referralType"), d.getString("lane"),
        Boolean.TRUE.equals(d.getBoolean("reReferral")), instant(d, "receivedAt"), instant(d, "decisionDueBy"),
        instant(d, "decidedAt"), d.getString("outcome") == null ? null : MashOutcome.valueOf(d.getString("outcome"))))
        .into(new ArrayList<>());
  }

  @Override
  public List<PathwayMilestone> milestonesReached(YearMonth first, YearMonth last) {
    return milestones.find(Filters.in("month", months(first, last))).map(d -> new PathwayMilestone(
        d.getString("_id"), CaseDeadlineKind.valueOf(d.getString("kind")), instant(d, "at"),
        Boolean.TRUE.equals(d.getBoolean("onTime")))).into(new ArrayList<>());
  }

  @Override
  public void clear() {
    contacts.deleteMany(new Document());
    milestones.deleteMany(new Document());
  }

  private static List<String> months(YearMonth first, YearMonth last) {
    List<String> months = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      months.add(m.toString());
    }
    return months;
  }
}
