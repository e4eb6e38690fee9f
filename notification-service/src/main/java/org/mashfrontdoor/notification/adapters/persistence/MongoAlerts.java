package org.mashfrontdoor.notification.adapters.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.mashfrontdoor.notification.application.Alerts;
import org.mashfrontdoor.notification.domain.Alert;
import org.mashfrontdoor.notification.domain.AlertType;
import org.mashfrontdoor.platform.codes.CaseDeadlineKind;

/** Alerts in the {@code alerts} collection, one document each, {@code _id} = alertId. */
public final class MongoAlerts implements Alerts {

  public static final String COLLECTION = "alerts";

  private final MongoCollection<Document> alerts;

  public MongoAlerts(MongoDatabase database) {
    this.alerts = database.getCollection(COLLECTION);
    alerts.createIndex(Indexes.ascending("referralId", "createdAt"));
    alerts.createIndex(Indexes.descending("createdAt"));
  }

  @Override
  public boolean add(Alert alert) {
    try {
      alerts.insertOne(toDocument(alert));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false; // the same event raised it before: the id derives from the event id
      }
      throw e;
    }
  }

  @Override
  public List<Alert> ofReferral(String referralId) {
    List<Alert> found = new ArrayList<>();
    alerts.find(Filters.eq("referralId", referralId)).sort(Sorts.ascending("createdAt", "_id"))
        .forEach(d -> found.add(toAlert(d)));
    return found;
  }

  @Override
  public List<Alert> mostRecent(int limit) {
    List<Alert> found = new ArrayList<>();
    alerts.find().sort(Sorts.descending("createdAt", "_id")).limit(limit).forEach(d -> found.add(toAlert(d)));
    Collections.reverse(found);
    return found;
  }

  private static Document toDocument(Alert a) {
    return new Document("_id", a.alertId())
        .append("alertId", a.alertId())
        .append("referralId", a.referralId())
        .append("reference", a.reference())
        .append("type", a.type().name())
        .append("createdAt", Date.from(a.createdAt()))
        .append("eventId", a.eventId())
        .append("summary", a.summary())
        .append("acknowledged", a.acknowledged())
        .append("caseId", a.caseId())
        .append("kind", a.kind() == null ? null : a.kind().name())
        .append("dueBy", a.dueBy() == null ? null : Date.from(a.dueBy()));
  }

  private static Alert toAlert(Document d) {
    return new Alert(d.getString("alertId"), d.getString("referralId"), d.getString("reference"),
        AlertType.valueOf(d.getString("type")), d.getDate("createdAt").toInstant(), d.getString("eventId"),
        d.getString("summary"), d.getBoolean("acknowledged", false), d.getString("caseId"),
        d.getString("kind") == null ? null : CaseDeadlineKind.valueOf(d.getString("kind")),
        d.getDate("dueBy") == null ? null : d.getDate("dueBy").toInstant());
  }
}
