package org.mashfrontdoor.cases.adapters.persistence;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.mashfrontdoor.cases.application.CaseReadAudit;
import org.mashfrontdoor.cases.domain.CaseRead;
import org.mashfrontdoor.cases.domain.Role;

/**
 * The read audit in collection {@value #COLLECTION}: one document per read, inserted and never updated or deleted
 * (this class has no code that could). Ids, role, time and stated purpose only. Majority-acknowledged, so a case is
 * not shown on the strength of an audit record a failover could lose.
 */
public final class MongoCaseReadAudit implements CaseReadAudit {

  public static final String COLLECTION = "readAudit";

  private final MongoCollection<Document> reads;

  public MongoCaseReadAudit(MongoDatabase database) {
    this.reads = database.getCollection(COLLECTION).withWriteConcern(WriteConcern.MAJORITY);
    reads.createIndex(Indexes.ascending("caseId", "at"));
  }

  @Override
  public void record(CaseRead read) {
    reads.insertOne(new Document("_id", new ObjectId())
        .append("staffId", read.staffId())
        .append("role", read.role().name())
        .append("caseId", read.caseId())
        .append("referralId", read.referralId())
        .append("at", Date.from(read.at()))
        .append("purpose", read.purpose()));
  }

  @Override
  public List<CaseRead> readsOf(String caseId) {
    return reads.find(Filters.eq("caseId", caseId)).sort(Sorts.ascending("at", "_id"))
        .map(d -> new CaseRead(d.getString("staffId"), Role.valueOf(d.getString("role")), d.getString("caseId"),
            d.getString("referralId"), d.getDate("at").toInstant(), d.getString("purpose")))
        .into(new ArrayList<>());
  }
}
