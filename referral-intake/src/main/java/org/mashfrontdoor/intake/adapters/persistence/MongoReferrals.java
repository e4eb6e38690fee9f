package org.mashfrontdoor.intake.adapters.persistence;

import com.mongodb.client.model.Updates;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.mashfrontdoor.intake.adapters.messaging.ReferralReceivedV1;
import org.mashfrontdoor.intake.application.Referrals;
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
  }

  @Override
  public void add(Referral referral) {
    Write write = referrals.insert(ReferralDocuments.toDocument(referral),
        List.of(ReferralReceivedV1.eventFor(referral)), null);
    if (write != Write.APPLIED) {
      throw new IllegalStateException("referral id collision: " + referral.referralId());
    }
  }

  @Override
  public Optional<Referral> byId(String referralId) {
    return referrals.find(referralId).map(ReferralDocuments::fromDocument);
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
              Updates.set("timeline", ReferralDocuments.timeline(after))),
          List.of(), causedByEventId);
      if (write != Write.CONFLICT) {
        return write != Write.NOT_FOUND;
      }
    }
    throw new IllegalStateException("referral " + referralId + " kept changing; will be retried");
  }
}
