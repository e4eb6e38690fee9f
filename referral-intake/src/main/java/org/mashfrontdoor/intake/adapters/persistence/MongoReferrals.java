package org.mashfrontdoor.intake.adapters.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.mashfrontdoor.intake.adapters.messaging.ReferralReceivedV1;
import org.mashfrontdoor.intake.application.Referrals;
import org.mashfrontdoor.intake.domain.Links;
import org.mashfrontdoor.intake.domain.Referral;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.mashfrontdoor.platform.outbox.OutboxedCollection;
import org.mashfrontdoor.platform.outbox.OutboxedCollection.Write;

/** Referrals in the {@code referrals} collection; each write carries its events (transactional outbox). */
public class MongoReferrals implements Referrals {

  private static final int MAX_ATTEMPTS = 10;

  private final OutboxedCollection referrals;

  public MongoReferrals(OutboxRelay relay) {
    this.referrals = relay.register("referrals", "referral");
    // Linking looks children up by pseudonymous key only; feedback polling by partner and change time.
    referrals.collection().createIndex(Indexes.compoundIndex(Indexes.ascending("childKeys"),
        Indexes.ascending("receivedAt")));
    referrals.collection().createIndex(Indexes.compoundIndex(Indexes.ascending("partnerId"),
        Indexes.ascending("updatedAt")));
    referrals.collection().createIndex(Indexes.ascending("updatedAt"));
  }

  @Override
  public boolean add(Referral referral) {
    Write write = referrals.insert(ReferralDocuments.toDocument(referral),
        List.of(ReferralReceivedV1.eventFor(referral)), null);
    return write == Write.APPLIED;
  }

  @Override
  public Optional<Referral> byId(String referralId) {
    return referrals.find(referralId).map(ReferralDocuments::fromDocument);
  }

  @Override
  public List<Links.Earlier> about(List<String> childKeys, Instant since) {
    List<Links.Earlier> earlier = new ArrayList<>();
    referrals.collection().find(Filters.and(Filters.in("childKeys", childKeys), Filters.gte("receivedAt",
            Date.from(since))))
        .projection(Projections.include("_id", "receivedAt", "childIdentities"))
        .forEach(d -> earlier.add(new Links.Earlier(d.getString("_id"), d.getDate("receivedAt").toInstant(),
            ReferralDocuments.childIdentitiesOf(d.getList("childIdentities", Document.class, List.of())))));
    return earlier;
  }

  @Override
  public List<Referral> updatedSince(String partnerId, Instant since, String after, int limit) {
    Bson changed = after == null ? Filters.gte("updatedAt", Date.from(since))
        : Filters.or(Filters.gt("updatedAt", Date.from(since)),
            Filters.and(Filters.eq("updatedAt", Date.from(since)), Filters.gt("_id", after)));
    List<Referral> page = new ArrayList<>();
    referrals.collection().find(partnerId == null ? changed : Filters.and(Filters.eq("partnerId", partnerId), changed))
        .sort(Sorts.ascending("updatedAt", "_id")).limit(limit)
        .forEach(d -> page.add(ReferralDocuments.fromDocument(d)));
    return page;
  }

  @Override
  public boolean update(String referralId, String causedByEventId, UnaryOperator<Referral> change) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<Document> current = referrals.find(referralId);
      if (current.isEmpty()) {
        return false;
      }
      Document doc = current.get();
      if (doc.getList(OutboxedCollection.HANDLED_EVENT_IDS, String.class, List.of()).contains(causedByEventId)) {
        return true;
      }
      Referral before = ReferralDocuments.fromDocument(doc);
      Referral after = change.apply(before);
      Write write = referrals.update(referralId, doc.getLong(OutboxedCollection.VERSION),
          Updates.combine(
              Updates.set("status", after.status().name()),
              Updates.set("outcome", after.outcome() == null ? null : after.outcome().name()),
              Updates.set("adviceToReferrer", after.adviceToReferrer()),
              Updates.set("timeline", ReferralDocuments.timeline(after)),
              Updates.set("updatedAt", Date.from(after.updatedAt()))),
          List.of(), causedByEventId);
      if (write != Write.CONFLICT) {
        return write != Write.NOT_FOUND;
      }
    }
    throw new IllegalStateException("referral " + referralId + " kept changing; will be retried");
  }
}
