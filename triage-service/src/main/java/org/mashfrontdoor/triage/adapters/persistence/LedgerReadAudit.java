package org.mashfrontdoor.triage.adapters.persistence;

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
import org.mashfrontdoor.triage.application.ReadAudit;
import org.mashfrontdoor.triage.domain.ContactRead;
import org.mashfrontdoor.triage.domain.Role;

/**
 * The read audit in collection {@value #COLLECTION}: one document per read, inserted and never updated or deleted
 * (this class has no code that could). Ids, role, time and stated purpose only. Written with majority
 * acknowledgement, so a read is not shown on the strength of an audit record a failover could lose.
 */
public class MongoReadAudit implements ReadAudit {

  public static final String COLLECTION = "readAudit";

  static final String STAFF_ID = "staffId";
  static final String ROLE = "role";
  static final String CONTACT_ID = "contactId";
  static final String REQUESTED_AS = "requestedAs";
  static final String REFERRAL_IDS = "referralIds";
  static final String AT = "at";
  static final String PURPOSE = "purpose";

  private final MongoCollection<Document> reads;

  public MongoReadAudit(MongoDatabase database) {
    this.reads = database.getCollection(COLLECTION).withWriteConcern(WriteConcern.MAJORITY);
    reads.createIndex(Indexes.ascending(CONTACT_ID, AT));
  }

  @Override
  public void record(ContactRead read) {
    reads.insertOne(new Document("_id", new ObjectId())
        .append(STAFF_ID, read.staffId())
        .append(ROLE, read.role().name())
        .append(CONTACT_ID, read.contactId())
        .append(REQUESTED_AS, read.requestedAs())
        .append(REFERRAL_IDS, read.referralIds())
        .append(AT, Date.from(read.at()))
        .append(PURPOSE, read.purpose()));
  }

  @Override
  public List<ContactRead> readsOf(String contactId) {
    return reads.find(Filters.eq(CONTACT_ID, contactId)).sort(Sorts.ascending(AT, "_id"))
        .map(MongoReadAudit::toRead).into(new ArrayList<>());
  }

  private static ContactRead toRead(Document doc) {
    return new ContactRead(doc.getString(STAFF_ID), Role.valueOf(doc.getString(ROLE)), doc.getString(CONTACT_ID),
        doc.getString(REQUESTED_AS), doc.getList(REFERRAL_IDS, String.class), doc.getDate(AT).toInstant(),
        doc.getString(PURPOSE));
  }
}
