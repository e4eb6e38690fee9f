package org.mashfrontdoor.intake.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.intake.adapters.messaging.ReferralReceivedV1;
import org.mashfrontdoor.intake.adapters.persistence.MongoReferrals;
import org.mashfrontdoor.intake.application.Referrals.Change;
import org.mashfrontdoor.intake.domain.Milestone;
import org.mashfrontdoor.intake.domain.Referral;
import org.mashfrontdoor.intake.domain.ReferralStatus;
import org.mashfrontdoor.platform.codes.MashOutcome;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.mashfrontdoor.platform.outbox.OutboxedCollection;
import org.mashfrontdoor.platform.testsupport.MutableClock;
import org.mashfrontdoor.platform.testsupport.TestStore;

/**
 * A poll of triage's events, followed together against the real (in-JVM) store: as if one event at a time, each
 * applied once, and a write that gets in between the read and the write loses nothing.
 * {@link FollowingTriageOnRealMongoIT} runs the same scenarios on a real MongoDB.
 */
@DisplayName("Following a poll of triage's events: in order, each once, whatever else writes meanwhile")
class FollowingTriageIT {

  static final Instant OPENED = Instant.parse("2026-11-23T09:30:00Z");
  static final Instant DECIDED = Instant.parse("2026-11-23T15:00:00Z");

  TestStore store;
  MongoCollection<Document> stored;
  MutableClock clock;
  Referrals referrals;
  FollowingTriage following;
  ReceivingReferral receiving;

  /** The embedded stand-in; the twin overrides this. */
  TestStore openStore() {
    return TestStore.embedded();
  }

  @BeforeEach
  void service() {
    store = openStore();
    var database = store.database("intake");
    clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    referrals = new MongoReferrals(new OutboxRelay(database, clock, 100), ReferralReceivedV1::eventFor);
    following = new FollowingTriage(referrals, clock);
    receiving = ReceivingReferralIT.receiving(database, referrals, clock);
    stored = database.getCollection("referrals");
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  String received() {
    return receiving.receive(ReceivingReferralIT.SCHOOL, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
        ReceivingReferralIT.form(ReceivingReferralIT.AVA)).referral().referralId();
  }

  Referral referral(String id) {
    return referrals.byId(id).orElseThrow();
  }

  Document document(String id) {
    return stored.find(Filters.eq("_id", id)).first();
  }

  static String event() {
    return UUID.randomUUID().toString();
  }

  @Test
  void a_poll_is_applied_in_order_with_several_events_about_one_referral() {
    String first = received();
    String second = received();
    clock.advance(Duration.ofHours(6));

    List<Boolean> known = following.followAll(List.of(
        FollowingTriage.contactOpened(first, event(), OPENED),
        FollowingTriage.contactOpened(second, event(), OPENED),
        FollowingTriage.decisionRecorded(first, event(), MashOutcome.EARLY_HELP, "Speak to the family", DECIDED)));

    assertThat(known).containsExactly(true, true, true);
    assertThat(referral(first).status()).isEqualTo(ReferralStatus.DECIDED);
    assertThat(referral(first).adviceToReferrer()).isEqualTo("Speak to the family");
    assertThat(referral(first).timeline()).extracting(Referral.StatusChange::milestone)
        .containsExactly(Milestone.RECEIVED, Milestone.IN_TRIAGE, Milestone.DECIDED);
    assertThat(referral(first).updatedAt()).isEqualTo(clock.instant());
    assertThat(referral(second).status()).isEqualTo(ReferralStatus.IN_TRIAGE);
    assertThat(document(first).getList(OutboxedCollection.HANDLED_EVENT_IDS, String.class)).hasSize(2);
    // Changes read the referral without its form and leave the stored form as it was.
    assertThat(referral(first).form()).isEqualTo(ReceivingReferralIT.form(ReceivingReferralIT.AVA));
  }

  @Test
  void a_redelivered_poll_changes_nothing() {
    String id = received();
    AtomicInteger applied = new AtomicInteger();
    Change opened = FollowingTriage.contactOpened(id, event(), OPENED);
    List<Change> poll = List.of(new Change(id, opened.causedByEventId(), referral -> {
      applied.incrementAndGet();
      return opened.change().apply(referral);
    }), FollowingTriage.decisionRecorded(id, event(), MashOutcome.NO_FURTHER_ACTION, null, DECIDED));
    following.followAll(poll);
    Document once = document(id);
    clock.advance(Duration.ofHours(1));

    assertThat(following.followAll(poll)).containsExactly(true, true);

    assertThat(document(id)).isEqualTo(once);
    assertThat(applied).as("a handled event's change is not even applied again").hasValue(1);
  }

  @Test
  void an_event_already_handled_is_skipped_while_the_rest_of_the_poll_applies() {
    String id = received();
    String opened = event();
    following.follow(FollowingTriage.contactOpened(id, opened, OPENED));

    following.followAll(List.of(FollowingTriage.contactOpened(id, opened, OPENED),
        FollowingTriage.decisionRecorded(id, event(), MashOutcome.NO_FURTHER_ACTION, null, DECIDED)));

    assertThat(referral(id).timeline()).extracting(Referral.StatusChange::milestone)
        .containsExactly(Milestone.RECEIVED, Milestone.IN_TRIAGE, Milestone.DECIDED);
    assertThat(document(id).getList(OutboxedCollection.HANDLED_EVENT_IDS, String.class)).hasSize(2);
  }

  @Test
  void a_referral_this_intake_does_not_hold_is_answered_unknown_and_the_others_apply() {
    String id = received();

    assertThat(following.followAll(List.of(FollowingTriage.contactOpened("not-ours", event(), OPENED),
        FollowingTriage.contactOpened(id, event(), OPENED)))).containsExactly(false, true);

    assertThat(referral(id).status()).isEqualTo(ReferralStatus.IN_TRIAGE);
    assertThat(stored.countDocuments(Filters.eq("_id", "not-ours"))).isZero();
  }

  @Test
  void a_write_between_the_read_and_the_write_is_kept_and_the_poll_still_applies_once() {
    String id = received();
    String raced = event();
    String opened = event();
    String decided = event();
    Change openedWhileACaseEventLands = new Change(id, opened, referral -> {
      // Another consumer (case events) writes the same referral after this poll read it.
      following.follow(FollowingTriage.caseOpened(id, raced, "SOCIAL_CARE", DECIDED));
      return referral.inTriage(OPENED);
    });

    referrals.updateAll(List.of(openedWhileACaseEventLands,
        FollowingTriage.decisionRecorded(id, decided, MashOutcome.STRATEGY_DISCUSSION, null, DECIDED)));

    assertThat(referral(id).timeline()).extracting(Referral.StatusChange::milestone)
        .containsExactly(Milestone.RECEIVED, Milestone.IN_TRIAGE, Milestone.DECIDED, Milestone.CASE_OPENED);
    assertThat(document(id).getList(OutboxedCollection.HANDLED_EVENT_IDS, String.class))
        .containsExactlyInAnyOrder(raced, opened, decided);
  }
}
