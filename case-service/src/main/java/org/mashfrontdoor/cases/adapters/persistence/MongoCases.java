package org.mashfrontdoor.cases.adapters.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.mashfrontdoor.cases.adapters.messaging.CaseOpenedData;
import org.mashfrontdoor.cases.application.Cases;
import org.mashfrontdoor.cases.domain.Case;
import org.mashfrontdoor.cases.domain.CaseStatus;
import org.mashfrontdoor.cases.domain.Pathway;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.mashfrontdoor.platform.outbox.OutboxedCollection;

/** Cases in the {@code cases} collection; each write carries its {@code case.*} events through the outbox. */
public final class MongoCases implements Cases {

  public static final String COLLECTION = "cases";
  /** Events of this collection go to {@code mash.case.events}. */
  public static final String AGGREGATE_TYPE = "case";

  private final OutboxedCollection cases;

  public MongoCases(OutboxRelay outbox) {
    this.cases = outbox.register(COLLECTION, AGGREGATE_TYPE);
    cases.collection().createIndex(Indexes.ascending("referralId", "openedAt"));
  }

  @Override
  public Opening open(Case openedCase, String decisionId) {
    EventEnvelope opened = EventEnvelope.create(CaseOpenedData.SOURCE, CaseOpenedData.TYPE,
        openedCase.referralId(), openedCase.openedAt(), CaseOpenedData.of(openedCase));
    return switch (cases.insert(toDocument(openedCase), List.of(opened), decisionId)) {
      case APPLIED -> Opening.OPENED;
      case ALREADY_HANDLED -> Opening.ALREADY_OPEN;
      // Another decision claiming the same case id: the id derivation is broken; retry, then dead-letter it.
      case CONFLICT, NOT_FOUND -> throw new IllegalStateException("case id " + openedCase.caseId()
          + " is already taken by another decision");
    };
  }

  @Override
  public Optional<Case> withId(String caseId) {
    return cases.find(caseId).map(MongoCases::toCase);
  }

  @Override
  public List<Case> ofReferral(String referralId) {
    List<Case> found = new ArrayList<>();
    cases.collection().find(Filters.eq("referralId", referralId)).sort(Sorts.ascending("openedAt", "_id"))
        .forEach(document -> found.add(toCase(document)));
    return found;
  }

  private static Document toDocument(Case c) {
    return new Document("_id", c.caseId())
        .append("referralId", c.referralId())
        .append("pathway", c.pathway().name())
        .append("status", c.status().name())
        .append("levelOfNeed", c.levelOfNeed())
        .append("openedAt", Date.from(c.openedAt()));
  }

  private static Case toCase(Document d) {
    return new Case(d.getString("_id"), d.getString("referralId"), Pathway.valueOf(d.getString("pathway")),
        CaseStatus.valueOf(d.getString("status")), d.getInteger("levelOfNeed"), d.getDate("openedAt").toInstant());
  }
}
