package org.mashfrontdoor.notification.adapters.persistence;

import org.mashfrontdoor.platform.codes.MashOutcome;
import static org.mashfrontdoor.platform.persistence.BsonFields.date;
import static org.mashfrontdoor.platform.persistence.BsonFields.instant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
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
  public void recordAll(List<Fact> facts) {
    List<WriteModel<Document>> contactWrites = new ArrayList<>();
    List<WriteModel<Document>> milestoneWrites = new ArrayList<>();
    for (Fact fact : facts) {
      switch (fact) {
        case Opened o -> contactWrites.add(new UpdateOneModel<>(Filters.eq("_id", o.contactId()), Updates.combine(
            Updates.set("source", o.source()),
            Updates.set("referralType", o.referralType()),
            Updates.set("lane", o.lane()),
            Updates.set("reReferral", o.reReferral()),
            received(o.receivedAt(), o.decisionDueBy())), new UpdateOptions().upsert(true)));
        case Decided d -> contactWrites.add(new UpdateOneModel<>(Filters.eq("_id", d.contactId()), Updates.combine(
            Updates.set("outcome", d.outcome().name()),
            Updates.set("decidedAt", date(d.decidedAt())),
            received(d.receivedAt(), d.decisionDueBy())), new UpdateOptions().upsert(true)));
        case Reached r -> {
          PathwayMilestone milestone = r.milestone();
          milestoneWrites.add(new ReplaceOneModel<>(Filters.eq("_id", milestone.id()), new Document("_id", milestone.id())
              .append("kind", milestone.kind().name())
              .append("at", date(milestone.at()))
              .append("onTime", milestone.onTime())
              .append("month", Facts.monthOf(milestone.at()).toString()), new ReplaceOptions().upsert(true)));
        }
      }
    }
    if (!contactWrites.isEmpty()) {
      contacts.bulkWrite(contactWrites, new BulkWriteOptions().ordered(false));
    }
    if (!milestoneWrites.isEmpty()) {
      milestones.bulkWrite(milestoneWrites, new BulkWriteOptions().ordered(false));
    }
  }

  private static Bson received(Instant receivedAt, Instant decisionDueBy) {
    return Updates.combine(
        Updates.set("month", Facts.monthOf(receivedAt).toString()),
        Updates.set("receivedAt", date(receivedAt)),
        Updates.set("decisionDueBy", date(decisionDueBy)));
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
