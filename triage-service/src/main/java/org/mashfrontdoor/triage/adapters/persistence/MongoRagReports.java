package org.mashfrontdoor.triage.adapters.persistence;

import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.mashfrontdoor.platform.outbox.OutboxedCollection;
import org.mashfrontdoor.triage.application.OutgoingTriageEvents;
import org.mashfrontdoor.triage.application.RagReports;
import org.mashfrontdoor.triage.domain.RagReport;

/**
 * One document per report slot, {@code _id} = the slot's report id: the unique key makes a second instance's
 * insert for the same slot fail, so the report (written with it through the outbox) goes out once.
 */
public class MongoRagReports implements RagReports {

  public static final String COLLECTION = "ragReports";

  private final OutboxedCollection reports;
  private final OutgoingTriageEvents events;

  public MongoRagReports(OutboxRelay relay, OutgoingTriageEvents events) {
    this.reports = relay.register(COLLECTION, OutgoingTriageEvents.AGGREGATE_TYPE);
    this.events = events;
  }

  @Override
  public boolean issue(RagReport report) {
    Document doc = new Document("_id", report.id())
        .append("slotAt", Date.from(report.slotAt()))
        .append("generatedAt", Date.from(report.generatedAt()));
    return reports.insert(doc, List.of(events.envelope(report)), null) == OutboxedCollection.Write.APPLIED;
  }

  @Override
  public boolean issued(String reportId) {
    return reports.find(reportId).isPresent();
  }
}
