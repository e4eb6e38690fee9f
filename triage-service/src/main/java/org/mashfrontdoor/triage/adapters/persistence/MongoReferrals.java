package org.mashfrontdoor.triage.adapters.persistence;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.persistence.DuplicateKeys;
import org.mashfrontdoor.triage.application.Referrals;
import org.mashfrontdoor.triage.domain.ReferralDetails;

/**
 * Each referral's details in collection {@value #COLLECTION}, one document per referral, {@code _id} = the referral
 * id: every read is an {@code _id} lookup (the store's own unique index), and a second insert of the same referral
 * fails, so the details first received are the ones kept. The details are stored as the JSON of the domain record
 * (nothing queries inside them). Written with majority acknowledgement before the contact that needs them.
 */
public class MongoReferrals implements Referrals {

  public static final String COLLECTION = "referrals";
  static final String DETAILS = "details";

  private final MongoCollection<Document> referrals;

  public MongoReferrals(MongoDatabase database) {
    this.referrals = database.getCollection(COLLECTION).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
  }

  @Override
  public void keepAll(List<ReferralDetails> details) {
    if (details.isEmpty()) {
      return;
    }
    List<Document> docs = details.stream().map(d -> new Document("_id", d.referralId())
        .append(DETAILS, Document.parse(EventJson.mapper().writeValueAsString(d)))).toList();
    // The duplicates were kept when those referrals were first received: a redelivery changes nothing.
    DuplicateKeys.insertAll(referrals, docs);
  }

  @Override
  public Optional<ReferralDetails> details(String referralId) {
    return Optional.ofNullable(referrals.find(Filters.eq("_id", referralId)).first())
        .map(d -> EventJson.mapper().readValue(d.get(DETAILS, Document.class).toJson(), ReferralDetails.class));
  }
}
