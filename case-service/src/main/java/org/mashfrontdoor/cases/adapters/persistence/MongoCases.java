package org.mashfrontdoor.cases.adapters.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.mashfrontdoor.cases.application.Cases;
import org.mashfrontdoor.cases.application.OutgoingCaseEvents;
import org.mashfrontdoor.cases.domain.Case;
import org.mashfrontdoor.cases.domain.CaseEvent;
import org.mashfrontdoor.cases.domain.CaseStatus;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.mashfrontdoor.platform.persistence.AlarmsBySecond;
import org.mashfrontdoor.platform.outbox.OutboxedCollection;

/**
 * Cases in the {@code cases} collection; each write carries its {@code case.*} events through the outbox in the
 * same document. The due sheet is {@link AlarmsBySecond} over {@value #ALARMS} (each write files the case's next
 * alarm first; the query on {@code (status, nextAlarmAt)} is its safety net), the worklist
 * {@code (status, worklistDueBy)}.
 */
public final class MongoCases implements Cases {

  public static final String COLLECTION = "cases";

  public static final String ALARMS = "caseAlarms";

  private final OutboxedCollection cases;
  private final AlarmsBySecond<Case> alarms;
  private final OutgoingCaseEvents events;

  public MongoCases(OutboxRelay outbox, Clock clock, OutgoingCaseEvents events) {
    this.events = events;
    this.cases = outbox.register(COLLECTION, OutgoingCaseEvents.AGGREGATE_TYPE);
    this.alarms = new AlarmsBySecond<>(outbox.database(), ALARMS, clock, new AlarmsBySecond.Clocked<>(cases.collection(),
        Filters.eq(CaseDocuments.STATUS, CaseStatus.OPEN.name()), CaseDocuments.NEXT_ALARM_AT, CaseDocuments::toCase,
        Case::caseId, c -> c.status() == CaseStatus.OPEN ? c.nextAlarmAt() : null));
    cases.collection().createIndex(Indexes.ascending(CaseDocuments.REFERRAL_ID, CaseDocuments.OPENED_AT));
    cases.collection().createIndex(Indexes.ascending(CaseDocuments.STATUS, CaseDocuments.NEXT_ALARM_AT));
    cases.collection().createIndex(Indexes.ascending(CaseDocuments.STATUS, CaseDocuments.WORKLIST_DUE_BY));
  }

  @Override
  public Opening open(Case openedCase, List<CaseEvent> events, String decisionId) {
    alarms.file(openedCase.caseId(), openedCase.nextAlarmAt());
    return switch (cases.insert(CaseDocuments.toDocument(openedCase), envelopes(openedCase, events), decisionId)) {
      case APPLIED -> Opening.OPENED;
      case ALREADY_HANDLED -> Opening.ALREADY_OPEN;
      // Another decision claiming the same case id: the id derivation is broken; retry, then dead-letter it.
      case CONFLICT, NOT_FOUND -> throw new IllegalStateException("case id " + openedCase.caseId()
          + " is already taken by another decision");
    };
  }

  @Override
  public Write update(Case changed, long expectedVersion, List<CaseEvent> events) {
    alarms.file(changed.caseId(), changed.nextAlarmAt());
    List<Bson> sets = new ArrayList<>();
    CaseDocuments.state(changed).forEach((field, value) -> sets.add(Updates.set(field, value)));
    return switch (cases.update(changed.caseId(), expectedVersion, Updates.combine(sets), envelopes(changed, events),
        null)) {
      case APPLIED -> Write.APPLIED;
      case NOT_FOUND -> Write.NOT_FOUND;
      case CONFLICT, ALREADY_HANDLED -> Write.CONFLICT;
    };
  }

  @Override
  public Optional<Case> withId(String caseId) {
    return cases.find(caseId).map(CaseDocuments::toCase);
  }

  @Override
  public List<Case> ofReferral(String referralId) {
    return cases.collection().find(Filters.eq(CaseDocuments.REFERRAL_ID, referralId))
        .sort(Sorts.ascending(CaseDocuments.OPENED_AT, "_id"))
        .map(CaseDocuments::toCase).into(new ArrayList<>());
  }

  @Override
  public Page worklist(CaseStatus status, boolean overdueOnly, Instant now, int page, int size) {
    Bson filter = Filters.eq(CaseDocuments.STATUS, status.name());
    if (overdueOnly) {
      filter = Filters.and(filter, Filters.lt(CaseDocuments.WORKLIST_DUE_BY, Date.from(now)));
    }
    List<Case> found = cases.collection().find(filter)
        .sort(Sorts.ascending(CaseDocuments.WORKLIST_DUE_BY, CaseDocuments.OPENED_AT, "_id"))
        .skip(page * size).limit(size)
        .map(CaseDocuments::toCase).into(new ArrayList<>());
    return new Page(found, cases.collection().countDocuments(filter));
  }

  @Override
  public List<Case> dueAlarms(Instant now, int limit) {
    return alarms.due(now, limit);
  }

  private List<EventEnvelope> envelopes(Case c, List<CaseEvent> changes) {
    return changes.stream().map(e -> events.envelope(c, e)).toList();
  }
}
