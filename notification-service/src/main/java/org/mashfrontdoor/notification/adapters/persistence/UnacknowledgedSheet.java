package org.mashfrontdoor.notification.adapters.persistence;

import static org.mashfrontdoor.platform.persistence.BsonFields.date;
import static org.mashfrontdoor.platform.persistence.BsonFields.instant;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.mashfrontdoor.notification.domain.Alert;
import org.mashfrontdoor.platform.persistence.DuplicateKeys;
import org.mashfrontdoor.platform.persistence.Scans;

/**
 * The alerts nobody has acknowledged yet, one small document each ({@code _id} = alertId, with its referral and when
 * it was raised): what MASH staff's alerts page lists, newest first, read without reading every alert stored (a
 * query on {@code acknowledgedBy}, sorted, reads every alert on the stand-in store; ADR 0014).
 *
 * <p>The alert stays the truth. An alert is filed here before it is inserted and taken off after its acknowledgement
 * is stored, so none unacknowledged is missing; a filing whose alert is acknowledged, or whose insert never followed,
 * is passed over on reading and taken off then.
 */
final class UnacknowledgedSheet {

  static final String COLLECTION = "alertsUnacknowledged";
  /** Set once the alerts of a store from before the sheet are filed (no alert has this id). */
  private static final String FILED_EARLIER = "filedEarlier";
  /** How long a filing may wait for its alert's insert before a reader takes it off. */
  static final Duration INSERT_GRACE = Duration.ofMinutes(5);

  /** A filed alert: its id, referral, when it was raised and when it was filed. */
  record Filing(String alertId, String referralId, Instant createdAt, Instant filedAt) {
  }

  private final MongoCollection<Document> filings;

  /** Over {@code database}; files the unacknowledged alerts of a store from before the sheet, once. */
  UnacknowledgedSheet(MongoDatabase database, MongoCollection<Document> alerts, Instant now) {
    this.filings = database.getCollection(COLLECTION).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    fileEarlierAlertsOnce(alerts, now);
  }

  /** Files the unacknowledged alerts among {@code alerts} in one write. Call it before inserting them. */
  void fileAll(Collection<Alert> alerts, Instant now) {
    List<UpdateOneModel<Document>> upserts = alerts.stream().filter(a -> !a.isAcknowledged())
        .map(a -> new UpdateOneModel<Document>(Filters.eq("_id", a.alertId()), Updates.combine(
            Updates.setOnInsert("referralId", a.referralId()), Updates.setOnInsert("createdAt", date(a.createdAt())),
            Updates.setOnInsert("filedAt", date(now))), new UpdateOptions().upsert(true))).toList();
    // Refused: two writers filed the same alert at once; it is filed.
    DuplicateKeys.writeAll(filings, upserts);
  }

  /** Takes the alerts off the sheet (acknowledged, or never stored). */
  void remove(Collection<String> alertIds) {
    if (!alertIds.isEmpty()) {
      filings.deleteMany(Filters.in("_id", List.copyOf(alertIds)));
    }
  }

  /** Every filing (of {@code referralId}'s alerts only, unless null), newest alert first. */
  List<Filing> newestFirst(String referralId) {
    List<Filing> found = new ArrayList<>();
    for (Document d : filings.find(referralId == null ? Filters.ne("_id", FILED_EARLIER)
        : Filters.eq("referralId", referralId)).batchSize(Scans.BATCH)) {
      found.add(new Filing(d.getString("_id"), d.getString("referralId"), instant(d, "createdAt"),
          instant(d, "filedAt")));
    }
    found.sort(Comparator.comparing(Filing::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(Filing::alertId).reversed());
    return found;
  }

  /**
   * A new sheet over a store written before it: every unacknowledged alert filed at start-up (one scan, once; marked
   * done only at the end, so a start that stopped half-way files again). Instances from before the sheet must be
   * stopped first: an alert they store afterwards is in the API's full list but not on the alerts page.
   */
  private void fileEarlierAlertsOnce(MongoCollection<Document> alerts, Instant now) {
    if (filings.find(Filters.eq("_id", FILED_EARLIER)).first() != null) {
      return;
    }
    Scans.inRounds(alerts.find(Filters.eq("acknowledgedBy", null))
            .projection(Projections.include("referralId", "createdAt")),
        d -> new UpdateOneModel<Document>(Filters.eq("_id", d.getString("_id")), Updates.combine(
            Updates.setOnInsert("referralId", d.getString("referralId")),
            Updates.setOnInsert("createdAt", d.getDate("createdAt")), Updates.setOnInsert("filedAt", date(now))),
            new UpdateOptions().upsert(true)),
        round -> DuplicateKeys.writeAll(filings, round));
    filings.updateOne(Filters.eq("_id", FILED_EARLIER), Updates.set("done", true), new UpdateOptions().upsert(true));
  }
}
