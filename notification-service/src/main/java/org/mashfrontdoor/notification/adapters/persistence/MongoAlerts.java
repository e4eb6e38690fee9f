package org.mashfrontdoor.notification.adapters.persistence;

import static org.mashfrontdoor.platform.persistence.BsonFields.instant;
import static org.mashfrontdoor.platform.persistence.BsonFields.date;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import com.mongodb.client.model.Updates;
import org.mashfrontdoor.notification.application.Alerts;
import org.mashfrontdoor.notification.domain.Alert;
import org.mashfrontdoor.notification.domain.AlertType;
import org.mashfrontdoor.notification.domain.Audience;
import org.mashfrontdoor.notification.domain.Channel;
import org.mashfrontdoor.notification.domain.Delivery;
import org.mashfrontdoor.notification.domain.Severity;
import org.mashfrontdoor.platform.codes.CaseDeadlineKind;
import org.mashfrontdoor.platform.persistence.AlarmsBySecond;
import org.mashfrontdoor.platform.persistence.DuplicateKeys;

/**
 * Alerts in the {@code alerts} collection, one document each ({@code _id} = alertId) with its deliveries, written
 * with majority acknowledgement. Derived fields serve the due sheets: {@code escalatesAt} and
 * {@code nextDelivery.<CHANNEL>}, each read by key through an {@link AlarmsBySecond} (ADR 0014) that every write
 * files first; the live stream's order, {@code position}, is read by key through the {@link StreamSheets}; the
 * alerts nobody has acknowledged, what the alerts page lists, through the {@link UnacknowledgedSheet}.
 */
public final class MongoAlerts implements Alerts {

  public static final String COLLECTION = "alerts";
  static final String POSITION = "position";

  /** How far back {@link #lastPosition} looks for the last alert stored. */
  private static final Duration LAST_LOOKED_FOR = Duration.ofMinutes(2);

  private final MongoCollection<Document> alerts;
  private final Clock clock;
  private final StreamSheets stream;
  private final UnacknowledgedSheet unacknowledged;
  private final AlarmsBySecond<Alert> escalations;
  private final Map<Channel, AlarmsBySecond<Alert>> deliveries = new EnumMap<>(Channel.class);

  public MongoAlerts(MongoDatabase database, Clock clock) {
    this.alerts = database.getCollection(COLLECTION).withWriteConcern(WriteConcern.MAJORITY);
    this.clock = clock;
    this.stream = new StreamSheets(database, alerts, POSITION);
    this.unacknowledged = new UnacknowledgedSheet(database, alerts, MongoAlerts::toAlert, clock.instant());
    this.escalations = new AlarmsBySecond<>(database, "alertEscalations", clock, new AlarmsBySecond.Clocked<>(alerts,
        new Document(), "escalatesAt", MongoAlerts::toAlert, Alert::alertId,
        a -> a.isAcknowledged() ? null : a.escalatesAt()));
    for (Channel channel : Channel.values()) {
      deliveries.put(channel, new AlarmsBySecond<>(database, "alertDeliveries" + channel.name(), clock,
          new AlarmsBySecond.Clocked<>(alerts, new Document(), nextDelivery(channel), MongoAlerts::toAlert,
              Alert::alertId, a -> a.nextDeliveryAt(channel))));
    }
    alerts.createIndex(Indexes.ascending("referralId", "createdAt"));
    alerts.createIndex(Indexes.ascending("escalatesAt"));
    for (Channel channel : Channel.values()) {
      alerts.createIndex(Indexes.ascending(nextDelivery(channel)));
    }
  }

  /** Each due sheet files the alerts' next escalation and deliveries before the alerts are written. */
  private void fileAlarms(List<Alert> alerts) {
    escalations.fileAll(alerts.stream().map(a -> new AlarmsBySecond.Filing(a.alertId(), a.escalatesAt())).toList());
    deliveries.forEach((channel, sheet) -> sheet.fileAll(alerts.stream()
        .map(a -> new AlarmsBySecond.Filing(a.alertId(), a.nextDeliveryAt(channel))).toList()));
  }

  @Override
  public List<Boolean> addAll(List<Alert> added) {
    if (added.isEmpty()) {
      return List.of();
    }
    fileAlarms(added);
    unacknowledged.fileAll(added, clock.instant());
    // The stream's order: an ObjectId taken at insert (the clock's second, then this process's counter), so the
    // order given; filed in the stream's sheets before the insert.
    Date now = Date.from(clock.instant());
    List<StreamSheets.Entry> positions = added.stream().map(a -> new StreamSheets.Entry(new ObjectId(now), a.alertId()))
        .toList();
    stream.fileAll(positions);
    List<Document> docs = new ArrayList<>(added.size());
    for (int i = 0; i < added.size(); i++) {
      docs.add(toDocument(added.get(i), 1).append(POSITION, positions.get(i).position()));
    }
    // Refused as already stored: the same event raised them before (an alert's id derives from its event's).
    Set<Integer> before = DuplicateKeys.insertAll(alerts, docs);
    List<Boolean> stored = new ArrayList<>(added.size());
    for (int i = 0; i < added.size(); i++) {
      stored.add(!before.contains(i));
    }
    if (!before.isEmpty()) { // filed again above: off the sheet again if acknowledged meanwhile
      unacknowledged.removeAcknowledged(before.stream().map(i -> added.get(i).alertId()).toList());
    }
    return stored;
  }

  @Override
  public boolean update(Alert changed, long expectedVersion) {
    fileAlarms(List.of(changed));
    Document state = toDocument(changed, expectedVersion + 1);
    state.remove("_id");
    List<Bson> sets = new ArrayList<>();
    state.forEach((field, value) -> sets.add(Updates.set(field, value)));
    boolean updated = alerts.updateOne(Filters.and(Filters.eq("_id", changed.alertId()),
        Filters.eq("version", expectedVersion)), Updates.combine(sets)).getMatchedCount() == 1;
    if (updated && changed.isAcknowledged()) {
      unacknowledged.remove(List.of(changed.alertId()));
    }
    return updated;
  }

  @Override
  public Optional<Alert> withId(String alertId) {
    return Optional.ofNullable(alerts.find(Filters.eq("_id", alertId)).first()).map(MongoAlerts::toAlert);
  }

  @Override
  public Page page(String referralId, boolean unacknowledgedOnly, int page, int size) {
    if (unacknowledgedOnly) {
      return unacknowledged.page(referralId, page, size, clock.instant());
    }
    // Every alert, acknowledged or not: the API's alone (no page asks for it). MongoDB serves a referral's from the
    // {referralId, createdAt} index; the stand-in reads every alert.
    Bson filter = referralId == null ? new Document() : Filters.eq("referralId", referralId);
    List<Alert> found = alerts.find(filter).sort(Sorts.descending("createdAt", "_id")).skip(page * size).limit(size)
        .map(MongoAlerts::toAlert).into(new ArrayList<>());
    return new Page(found, alerts.countDocuments(filter));
  }

  @Override
  public List<Positioned> after(String position, int limit, Predicate<String> wanted) {
    List<Positioned> found = new ArrayList<>();
    ObjectId from = new ObjectId(position);
    Instant now = clock.instant();
    while (found.size() < limit) {
      List<StreamSheets.Entry> entries = stream.after(from, now, limit - found.size(), wanted);
      if (entries.isEmpty()) {
        break;
      }
      Map<String, Document> byId = new HashMap<>();
      alerts.find(Filters.in("_id", entries.stream().map(StreamSheets.Entry::alertId).distinct().toList()))
          .forEach(d -> byId.put(d.getString("_id"), d));
      for (StreamSheets.Entry entry : entries) {
        Document alert = byId.get(entry.alertId());
        // Skipped: an insert not (yet) made, or a second filing of an alert stored before at its first position.
        if (alert != null && entry.position().equals(alert.getObjectId(POSITION))) {
          found.add(new Positioned(entry.position().toHexString(), toAlert(alert)));
        }
      }
      from = entries.getLast().position();
    }
    return found;
  }

  @Override
  public Optional<String> positionOf(String alertId) {
    return Optional.ofNullable(alerts.find(Filters.eq("_id", alertId)).first())
        .map(d -> d.getObjectId(POSITION).toHexString());
  }

  @Override
  public String lastPosition() {
    Instant now = clock.instant();
    StreamSheets.Entry last = stream.last(now.minus(LAST_LOOKED_FOR), now);
    return last != null ? last.position().toHexString() : Alerts.positionAt(now);
  }

  @Override
  public List<Alert> dueEscalations(Instant now, int limit) {
    return escalations.due(now, limit);
  }

  @Override
  public List<Alert> dueDeliveries(Channel channel, Instant now, int limit) {
    return deliveries.get(channel).due(now, limit);
  }

  private static String nextDelivery(Channel channel) {
    return "nextDelivery." + channel.name();
  }

  private static Document toDocument(Alert a, long version) {
    Document next = new Document();
    for (Channel channel : Channel.values()) {
      next.append(channel.name(), date(a.nextDeliveryAt(channel)));
    }
    return new Document("_id", a.alertId())
        .append("alertId", a.alertId())
        .append("referralId", a.referralId())
        .append("reference", a.reference())
        .append("type", a.type().name())
        .append("severity", a.severity().name())
        .append("audience", a.audience().stream().map(Enum::name).toList())
        .append("createdAt", date(a.createdAt()))
        .append("eventId", a.eventId())
        .append("summary", a.summary())
        .append("reasons", a.reasons())
        .append("caseId", a.caseId())
        .append("kind", a.kind() == null ? null : a.kind().name())
        .append("dueBy", date(a.dueBy()))
        .append("acknowledgedBy", a.acknowledgedBy())
        .append("acknowledgedAt", date(a.acknowledgedAt()))
        .append("escalatesAt", date(a.escalatesAt()))
        .append("escalationOf", a.escalationOf())
        .append("level", a.level())
        .append("deliveries", a.deliveries().stream().map(d -> new Document("channel", d.channel().name())
            .append("recipient", d.recipient())
            .append("state", d.state().name())
            .append("attempts", d.attempts())
            .append("lastError", d.lastError())
            .append("nextAttemptAt", date(d.nextAttemptAt()))
            .append("sentAt", date(d.sentAt()))).toList())
        .append("nextDelivery", next)
        .append("version", version);
  }

  static Alert toAlert(Document d) {
    return new Alert(d.getString("alertId"), d.getString("referralId"), d.getString("reference"),
        AlertType.valueOf(d.getString("type")), Severity.valueOf(d.getString("severity")),
        d.getList("audience", String.class, List.of()).stream().map(Audience::valueOf).toList(),
        instant(d, "createdAt"), d.getString("eventId"), d.getString("summary"),
        d.getList("reasons", String.class, List.of()), d.getString("caseId"),
        d.getString("kind") == null ? null : CaseDeadlineKind.valueOf(d.getString("kind")), instant(d, "dueBy"),
        d.getString("acknowledgedBy"), instant(d, "acknowledgedAt"), instant(d, "escalatesAt"),
        d.getString("escalationOf"), d.getInteger("level", 0),
        d.getList("deliveries", Document.class, List.of()).stream().map(x -> new Delivery(
            Channel.valueOf(x.getString("channel")), x.getString("recipient"),
            Delivery.State.valueOf(x.getString("state")), x.getInteger("attempts", 0), x.getString("lastError"),
            instant(x, "nextAttemptAt"), instant(x, "sentAt"))).toList(),
        ((Number) d.get("version")).longValue());
  }

}
