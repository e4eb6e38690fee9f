package org.mashfrontdoor.intake.adapters.persistence;

import com.mongodb.MongoException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.mashfrontdoor.intake.application.IdempotencyKey;
import org.mashfrontdoor.intake.application.OutgoingReferralEvents;
import org.mashfrontdoor.intake.application.Referrals;
import org.mashfrontdoor.intake.domain.Links;
import org.mashfrontdoor.intake.domain.Referral;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.mashfrontdoor.platform.outbox.OutboxedCollection;
import org.mashfrontdoor.platform.outbox.OutboxedCollection.Write;
import org.mashfrontdoor.platform.persistence.DuplicateKeys;
import org.mashfrontdoor.platform.persistence.Scans;

/**
 * Referrals in the {@code referrals} collection; each write carries its events (transactional outbox).
 *
 * <p>Linking reads by key only: collection {@value #CHILDREN} holds one document per pseudonymous child key
 * ({@code _id} = the key) listing the newest {@value #REFERRALS_PER_CHILD_KEY} referrals filed under it. An entry is
 * filed before its referral is written, so a referral is never stored unfindable; an entry whose referral was never
 * written (a crash between the two writes) is dropped on reading, because the referrals are then read by id.
 *
 * <p>Each referral holds the partner's idempotency key it came with ({@value #IDEMPOTENCY_KEY}, unique and sparse),
 * so a new referral is one insert, where a key of its own took a second durable write before it.
 */
public class MongoReferrals implements Referrals {

  static final String CHILDREN = "childKeys";
  /** Far more than any child's referrals in the 12 months linking looks back; the oldest fall off first. */
  public static final int REFERRALS_PER_CHILD_KEY = 200;
  private static final int MAX_ATTEMPTS = 10;
  private static final String REFERRALS = "referrals";
  private static final String REFERRAL_ID = "referralId";
  private static final String RECEIVED_AT = "receivedAt";
  /** The partner's idempotency key ({@link IdempotencyKey#id()}), each held by one referral at most. */
  static final String IDEMPOTENCY_KEY = "idempotencyKey";
  private static final String BODY_FINGERPRINT = "bodyFingerprint";
  private static final String KEY_EXPIRES_AT = "keyExpiresAt";
  /** Where idempotency keys were kept before referrals held them. */
  static final String EARLIER_KEYS = "idempotencyKeys";

  private final OutboxedCollection referrals;
  private final MongoCollection<Document> children;
  private final OutgoingReferralEvents events;

  public MongoReferrals(OutboxRelay relay, OutgoingReferralEvents events) {
    this.events = events;
    this.referrals = relay.register("referrals", "referral");
    this.children = relay.database().getCollection(CHILDREN)
        .withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    // Feedback polling by partner and change time.
    referrals.collection().createIndex(Indexes.compoundIndex(Indexes.ascending("partnerId"),
        Indexes.ascending("updatedAt")));
    referrals.collection().createIndex(Indexes.ascending("updatedAt"));
    // Sparse: a referral whose key was released (or that never had one) holds none.
    referrals.collection().createIndex(Indexes.ascending(IDEMPOTENCY_KEY), new IndexOptions().unique(true).sparse(true));
    fileEarlierReferralsOnce();
    takeOverEarlierKeysOnce(relay.database());
  }

  /**
   * Files the referral under its child keys, then inserts it holding the idempotency key: one write, refused when the
   * key or the id is held. A refused referral's child-key entries are taken back, so retries take no room under a
   * child's keys: only a retry that finds a list full (at {@value #REFERRALS_PER_CHILD_KEY}) pushes its oldest entry
   * out, as a new referral would, and the room it leaves takes the next retry's entry. (A step-up delivered twice
   * within a millisecond leaves its entry twice; reading counts a referral once.)
   */
  @Override
  public Optional<Held> add(Referral referral, IdempotencyKey key) {
    file(referral.childKeys(), referral.referralId(), referral.receivedAt());
    Document state = ReferralDocuments.toDocument(referral).append(IDEMPOTENCY_KEY, key.id())
        .append(BODY_FINGERPRINT, key.fingerprint()).append(KEY_EXPIRES_AT, Date.from(key.expiresAt()));
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (referrals.insert(state, List.of(events.received(referral)), null) == Write.APPLIED) {
        return Optional.empty();
      }
      Optional<Held> held = holder(key, referral.referralId(), referral.receivedAt());
      if (held.isPresent()) {
        Referral holder = held.get().referral();
        // Unless the holder is this very filing (a step-up delivered twice within a millisecond).
        if (!(holder.referralId().equals(referral.referralId()) && holder.receivedAt().equals(referral.receivedAt()))) {
          unfile(referral.childKeys(), referral.referralId(), referral.receivedAt());
        }
        return held;
      }
      // The key had expired and is released now, or its holder went meanwhile: insert again.
    }
    unfile(referral.childKeys(), referral.referralId(), referral.receivedAt());
    throw new IllegalStateException("idempotency key kept changing under contention; will be retried");
  }

  /**
   * The referral holding the key, if it had not expired by {@code now} (an expired key is released here, so the
   * caller inserts again), else the one holding the id; empty when neither is held.
   */
  private Optional<Held> holder(IdempotencyKey key, String referralId, Instant now) {
    Document byKey = referrals.collection().find(Filters.eq(IDEMPOTENCY_KEY, key.id())).first();
    if (byKey == null) {
      // Held by id only: its body was bound to another key (or none), so there is no fingerprint to compare.
      return referrals.find(referralId).map(d -> new Held(ReferralDocuments.fromDocument(d), null));
    }
    Date expiresAt = byKey.getDate(KEY_EXPIRES_AT);
    if (expiresAt.toInstant().isAfter(now)) {
      return Optional.of(new Held(ReferralDocuments.fromDocument(byKey), byKey.getString(BODY_FINGERPRINT)));
    }
    // Forget exactly that binding (not a newer one); the filter pins _id, so it is a key lookup.
    referrals.collection().updateOne(Filters.and(Filters.eq("_id", byKey.get("_id")),
        Filters.eq(IDEMPOTENCY_KEY, key.id()), Filters.eq(KEY_EXPIRES_AT, expiresAt)),
        Updates.combine(Updates.unset(IDEMPOTENCY_KEY), Updates.unset(BODY_FINGERPRINT), Updates.unset(KEY_EXPIRES_AT)));
    return Optional.empty();
  }

  /** Files the referral under each of its child keys in one unordered write (one round trip, one commit). */
  private void file(List<String> childKeys, String referralId, Instant receivedAt) {
    if (childKeys.isEmpty()) {
      return;
    }
    Bson entry = Updates.pushEach(REFERRALS, List.of(new Document(REFERRAL_ID, referralId)
        .append(RECEIVED_AT, Date.from(receivedAt))), new PushOptions().slice(-REFERRALS_PER_CHILD_KEY));
    Set<Integer> raced = DuplicateKeys.writeAll(children, childKeys.stream()
        .map(key -> new UpdateOneModel<Document>(Filters.eq("_id", key), entry, new UpdateOptions().upsert(true)))
        .toList());
    // Two first referrals about one child raced to create its document: the other one did; add to it.
    for (int place : raced) {
      children.updateOne(Filters.eq("_id", childKeys.get(place)), entry);
    }
  }

  /** Takes back exactly what {@link #file} filed for a referral that was never written (one write). */
  private void unfile(List<String> childKeys, String referralId, Instant receivedAt) {
    Bson entry = Updates.pull(REFERRALS, new Document(REFERRAL_ID, referralId)
        .append(RECEIVED_AT, Date.from(receivedAt)));
    DuplicateKeys.writeAll(children, childKeys.stream()
        .map(key -> new UpdateOneModel<Document>(Filters.eq("_id", key), entry)).toList());
  }

  /**
   * Stores from before referrals held their idempotency keys kept them in collection {@value #EARLIER_KEYS}: bind
   * each to the referral it made, once, at start-up, then drop that collection. A binding whose referral was never
   * written is left out: the partner's retry makes the referral, as a retry after such a crash always did.
   */
  private void takeOverEarlierKeysOnce(MongoDatabase database) {
    MongoCollection<Document> earlier = database.getCollection(EARLIER_KEYS);
    if (earlier.find().limit(1).first() == null) {
      return;
    }
    try {
      takeOver(earlier);
    } catch (MongoException e) {
      if (earlier.find().limit(1).first() != null) {
        throw e;
      }
      // Another intake starting at the same time took them over and dropped the collection under this one's read.
    }
  }

  private void takeOver(MongoCollection<Document> earlier) {
    Scans.inRounds(earlier.find(), binding -> new UpdateOneModel<Document>(
        Filters.eq("_id", binding.getString(REFERRAL_ID)), Updates.combine(
            Updates.set(IDEMPOTENCY_KEY, binding.getString("_id")),
            Updates.set(BODY_FINGERPRINT, binding.getString("fingerprint")),
            Updates.set(KEY_EXPIRES_AT, binding.getDate("expiresAt")))),
        // A key a referral holds already stays there.
        round -> DuplicateKeys.writeAll(referrals.collection(), round));
    earlier.drop();
  }

  /** Stores written before {@value #CHILDREN} existed: file their referrals once, at start-up (a single scan). */
  private void fileEarlierReferralsOnce() {
    if (children.find().limit(1).first() != null || referrals.collection().find().limit(1).first() == null) {
      return;
    }
    for (Document d : referrals.collection().find(Filters.exists("childKeys"))
        .projection(Projections.include("_id", "receivedAt", "childKeys")).batchSize(Scans.BATCH)) {
      file(d.getList("childKeys", String.class, List.of()), d.getString("_id"), d.getDate("receivedAt").toInstant());
    }
  }

  @Override
  public Optional<Referral> byId(String referralId) {
    return referrals.find(referralId).map(ReferralDocuments::fromDocument);
  }

  @Override
  public List<Links.Earlier> about(List<String> childKeys, Instant since) {
    Set<String> filed = new LinkedHashSet<>();
    for (Document child : children.find(Filters.in("_id", childKeys))) {
      for (Document entry : child.getList(REFERRALS, Document.class, List.of())) {
        if (!entry.getDate(RECEIVED_AT).toInstant().isBefore(since)) {
          filed.add(entry.getString(REFERRAL_ID));
        }
      }
    }
    List<Links.Earlier> earlier = new ArrayList<>();
    if (filed.isEmpty()) {
      return earlier;
    }
    // By id: only referrals that were written count, with what they stored.
    referrals.collection().find(Filters.in("_id", filed))
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

  /**
   * Reads every referral the changes are about in one {@code _id $in} read, applies the changes to them in order in
   * memory, and writes each changed referral once, version-checked, in one bulk write: two round trips however many
   * changes, where one at a time took two each. If another write got in between (the version moved), every change
   * is applied again one at a time from a fresh read; those already applied are known by their event ids.
   */
  @Override
  public List<Boolean> updateAll(List<Change> changes) {
    Map<String, Following> following = new LinkedHashMap<>();
    referrals.collection().find(Filters.in("_id", changes.stream().map(Change::referralId).distinct().toList()))
        .projection(Projections.exclude(ReferralDocuments.NOT_FOR_PROGRESS))
        .forEach(d -> following.put(d.getString("_id"), new Following(d)));
    List<Boolean> known = new ArrayList<>(changes.size());
    for (Change change : changes) {
      Following referral = following.get(change.referralId());
      known.add(referral != null);
      if (referral != null) {
        referral.apply(change);
      }
    }
    List<OutboxedCollection.Update> updates = following.values().stream().filter(f -> !f.newlyHandled.isEmpty())
        .map(f -> new OutboxedCollection.Update(f.id, f.version, changed(f.referral), f.newlyHandled)).toList();
    if (!referrals.updateAll(updates)) {
      for (int i = 0; i < changes.size(); i++) {
        if (known.get(i)) {
          updateAlone(changes.get(i));
        }
      }
    }
    return known;
  }

  /** One referral as read, with the changes applied to it so far and the events they came from. */
  private static final class Following {
    final String id;
    final long version;
    final Set<String> handled;
    final List<String> newlyHandled = new ArrayList<>();
    Referral referral;

    Following(Document doc) {
      id = doc.getString("_id");
      version = doc.getLong(OutboxedCollection.VERSION);
      handled = new HashSet<>(doc.getList(OutboxedCollection.HANDLED_EVENT_IDS, String.class, List.of()));
      referral = ReferralDocuments.progressOf(doc);
    }

    void apply(Change change) {
      if (handled.add(change.causedByEventId())) {
        referral = change.change().apply(referral);
        newlyHandled.add(change.causedByEventId());
      }
    }
  }

  /** What a change to the referrer's view writes. */
  private static Bson changed(Referral after) {
    return Updates.combine(
        Updates.set("status", after.status().name()),
        Updates.set("outcome", after.outcome() == null ? null : after.outcome().name()),
        Updates.set("adviceToReferrer", after.adviceToReferrer()),
        Updates.set("timeline", ReferralDocuments.timeline(after)),
        Updates.set("updatedAt", Date.from(after.updatedAt())));
  }

  private void updateAlone(Change change) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<Document> current = referrals.find(change.referralId());
      if (current.isEmpty()) {
        return;
      }
      Following referral = new Following(current.get());
      referral.apply(change);
      if (referral.newlyHandled.isEmpty()) {
        return;
      }
      Write write = referrals.update(referral.id, referral.version, changed(referral.referral), List.of(),
          change.causedByEventId());
      if (write != Write.CONFLICT) {
        return;
      }
    }
    throw new IllegalStateException("referral " + change.referralId() + " kept changing; will be retried");
  }
}
