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
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.mashfrontdoor.notification.application.Alerts;
import org.mashfrontdoor.notification.domain.Alert;
import org.mashfrontdoor.platform.persistence.DuplicateKeys;
import org.mashfrontdoor.platform.persistence.Scans;

/**
 * The alerts nobody has acknowledged yet, one small document each ({@code _id} = alertId, with its referral, when it
 * was raised and when it was last filed): what MASH staff's alerts page lists, newest first, read without reading
 * every alert stored (a query on {@code acknowledgedBy}, sorted, reads every alert on the stand-in store; ADR 0014).
 *
 * <p>The alert stays the truth. An alert is filed here before it is inserted and taken off after its acknowledgement
 * is stored, so none unacknowledged is missing. A filing whose alert is acknowledged (a stop between the two writes),
 * or whose insert has not followed within {@link #INSERT_GRACE}, is left out when read and taken off then: on the page
 * read, and, at most once every {@link #EVERY_FILING_CHECKED} in each instance, for every filing last filed more than
 * {@link #INSERT_GRACE} ago (when a page of all referrals' alerts is read: their alerts' {@code acknowledgedBy} by
 * {@code _id}, a thousand at a time).
 * Filing again (a redelivered event) renews the grace, and a filing whose alert is missing is taken off only if not
 * filed again since it was read, so an insert on its way never loses its filing.
 */
final class UnacknowledgedSheet {

  static final String COLLECTION = "alertsUnacknowledged";
  /** Set once the alerts of a store from before the sheet are filed (no alert has this id). */
  private static final String FILED_EARLIER = "filedEarlier";
  /** How long a filing may wait for its alert's insert before a reader takes it off. */
  static final Duration INSERT_GRACE = Duration.ofMinutes(5);
  /** How often a page read checks every filing, not only the page's. */
  static final Duration EVERY_FILING_CHECKED = Duration.ofMinutes(5);
  private static final String FILED_AT = "filedAt";
  private static final String ACKNOWLEDGED_BY = "acknowledgedBy";

  /** A filed alert: its id, referral, when it was raised and when it was last filed. */
  record Filing(String alertId, String referralId, Instant createdAt, Instant filedAt) {
  }

  private final MongoCollection<Document> filings;
  private final MongoCollection<Document> alerts;
  private final Function<Document, Alert> toAlert;
  private final AtomicReference<Instant> everyFilingCheckedAt = new AtomicReference<>(Instant.MIN);

  /**
   * Over {@code database}, listing {@code alerts} (read with {@code toAlert}); files the unacknowledged alerts of a
   * store from before the sheet, once.
   */
  UnacknowledgedSheet(MongoDatabase database, MongoCollection<Document> alerts, Function<Document, Alert> toAlert,
      Instant now) {
    this.filings = database.getCollection(COLLECTION).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    this.alerts = alerts;
    this.toAlert = toAlert;
    fileEarlierAlertsOnce(now);
  }

  /** Files the unacknowledged alerts among {@code alerts} in one write. Call it before inserting them. */
  void fileAll(Collection<Alert> added, Instant now) {
    // Refused: two writers filed the same alert at once; it is filed.
    DuplicateKeys.writeAll(filings, added.stream().filter(a -> !a.isAcknowledged())
        .map(a -> filing(a.alertId(), a.referralId(), date(a.createdAt()), now)).toList());
  }

  /** Takes acknowledged alerts off the sheet. */
  void remove(Collection<String> alertIds) {
    if (!alertIds.isEmpty()) {
      filings.deleteMany(Filters.in("_id", List.copyOf(alertIds)));
    }
  }

  /** Takes off those of the stored alerts {@code alertIds} that are acknowledged (read by {@code _id}). */
  void removeAcknowledged(List<String> alertIds) {
    remove(acknowledgedOf(alertIds).entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList());
  }

  /**
   * For each of the alerts {@code alertIds} that is stored: whether it is acknowledged. Read by {@code _id}, a thousand
   * at a time, the one field only.
   */
  private Map<String, Boolean> acknowledgedOf(List<String> alertIds) {
    Map<String, Boolean> found = new HashMap<>();
    for (int i = 0; i < alertIds.size(); i += Scans.BATCH) {
      alerts.find(Filters.in("_id", alertIds.subList(i, Math.min(alertIds.size(), i + Scans.BATCH))))
          .projection(Projections.include(ACKNOWLEDGED_BY))
          .forEach(d -> found.put(d.getString("_id"), d.getString(ACKNOWLEDGED_BY) != null));
    }
    return found;
  }

  /**
   * A page of the unacknowledged alerts (of {@code referralId}'s only, unless null), newest first, read by {@code _id},
   * and how many are filed. The filings found stale meanwhile are left out, taken off and not counted.
   */
  Alerts.Page page(String referralId, int page, int size, Instant now) {
    List<Filing> filed = newestFirst(referralId);
    int from = (int) Math.min(filed.size(), (long) page * size);
    List<Filing> shown = filed.subList(from, (int) Math.min(filed.size(), (long) from + size));
    Instant stale = now.minus(INSERT_GRACE);
    Map<String, Alert> byId = new HashMap<>();
    if (!shown.isEmpty()) {
      alerts.find(Filters.in("_id", shown.stream().map(Filing::alertId).toList()))
          .forEach(d -> byId.put(d.getString("_id"), toAlert.apply(d)));
    }
    // For each filing checked whose alert is stored: whether it is acknowledged.
    Map<String, Boolean> acknowledgedById = new HashMap<>();
    byId.forEach((id, alert) -> acknowledgedById.put(id, alert.isAcknowledged()));
    List<Filing> checked = new ArrayList<>(shown);
    if (referralId == null && everyFilingCheckDue(now)) {
      Set<String> onThePage = shown.stream().map(Filing::alertId).collect(Collectors.toSet());
      List<Filing> others = filed.stream().filter(f -> !onThePage.contains(f.alertId()) && filedBefore(f, stale))
          .toList();
      acknowledgedById.putAll(acknowledgedOf(others.stream().map(Filing::alertId).toList()));
      checked.addAll(others);
    }
    List<String> acknowledged = new ArrayList<>();
    List<String> unfollowed = new ArrayList<>();
    for (Filing filing : checked) {
      Boolean isAcknowledged = acknowledgedById.get(filing.alertId());
      if (Boolean.TRUE.equals(isAcknowledged)) {
        acknowledged.add(filing.alertId());
      } else if (isAcknowledged == null && filedBefore(filing, stale)) {
        unfollowed.add(filing.alertId());
      }
    }
    remove(acknowledged);
    if (!unfollowed.isEmpty()) { // not one filed again since it was read: its insert may be on its way
      filings.deleteMany(Filters.and(Filters.in("_id", unfollowed), Filters.lt(FILED_AT, date(stale))));
    }
    List<Alert> found = shown.stream().map(f -> byId.get(f.alertId())).filter(a -> a != null && !a.isAcknowledged())
        .toList();
    return new Alerts.Page(found, filed.size() - acknowledged.size() - unfollowed.size());
  }

  private static boolean filedBefore(Filing filing, Instant stale) {
    return filing.filedAt() != null && filing.filedAt().isBefore(stale);
  }

  /** True for one caller once every {@link #EVERY_FILING_CHECKED} (two page reads at once: one checks). */
  private boolean everyFilingCheckDue(Instant now) {
    Instant last = everyFilingCheckedAt.get();
    return !now.isBefore(last.plus(EVERY_FILING_CHECKED)) && everyFilingCheckedAt.compareAndSet(last, now);
  }

  /** Every filing (of {@code referralId}'s alerts only, unless null), newest alert first. */
  private List<Filing> newestFirst(String referralId) {
    List<Filing> found = new ArrayList<>();
    for (Document d : filings.find(referralId == null ? Filters.ne("_id", FILED_EARLIER)
        : Filters.eq("referralId", referralId)).batchSize(Scans.BATCH)) {
      found.add(new Filing(d.getString("_id"), d.getString("referralId"), instant(d, "createdAt"),
          instant(d, FILED_AT)));
    }
    found.sort(Comparator.comparing(Filing::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(Filing::alertId).reversed());
    return found;
  }

  /** The upsert that files one alert; filing it again renews {@code filedAt}. */
  private static UpdateOneModel<Document> filing(String alertId, String referralId, Date createdAt, Instant now) {
    return new UpdateOneModel<>(Filters.eq("_id", alertId), Updates.combine(Updates.setOnInsert("referralId",
        referralId), Updates.setOnInsert("createdAt", createdAt), Updates.set(FILED_AT, date(now))),
        new UpdateOptions().upsert(true));
  }

  /**
   * A new sheet over a store written before it: every unacknowledged alert filed at start-up (one scan, once; marked
   * done only at the end, so a start that stopped half-way files again). Instances from before the sheet must be
   * stopped first: an alert they store afterwards is in the API's full list but not on the alerts page. An alert
   * acknowledged while this runs may be filed all the same: a check of every filing made more than
   * {@link #INSERT_GRACE} after this start-up takes it off (or the page read that shows it).
   */
  private void fileEarlierAlertsOnce(Instant now) {
    if (filings.find(Filters.eq("_id", FILED_EARLIER)).first() != null) {
      return;
    }
    Scans.inRounds(alerts.find(Filters.eq(ACKNOWLEDGED_BY, null))
            .projection(Projections.include("referralId", "createdAt")),
        d -> filing(d.getString("_id"), d.getString("referralId"), d.getDate("createdAt"), now),
        round -> DuplicateKeys.writeAll(filings, round));
    filings.updateOne(Filters.eq("_id", FILED_EARLIER), Updates.set("done", true), new UpdateOptions().upsert(true));
  }
}
