package org.mashfrontdoor.intake.application;

import org.mashfrontdoor.platform.codes.ReferralType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.bson.Document;
import org.mashfrontdoor.platform.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.intake.adapters.persistence.MongoReferenceNumbers;
import org.mashfrontdoor.intake.adapters.messaging.ReferralReceivedV1;
import org.mashfrontdoor.intake.adapters.persistence.MongoReferrals;
import org.mashfrontdoor.platform.codes.Agency;
import org.mashfrontdoor.intake.domain.ChildKeys;
import org.mashfrontdoor.intake.domain.ConcernCategory;
import org.mashfrontdoor.intake.domain.NewReferral;
import org.mashfrontdoor.intake.domain.Partner;
import org.mashfrontdoor.intake.domain.ReferenceNumber;
import org.mashfrontdoor.intake.domain.Referral;
import org.mashfrontdoor.intake.domain.ReferralStatus;
import org.mashfrontdoor.platform.deadlines.ElapsedTime;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.mashfrontdoor.platform.testsupport.TestStore;

/** Receiving a referral against the real (in-JVM) store, with a clock the test moves. */
@DisplayName("Receiving a referral: once per idempotency key, linked to earlier referrals about the same child")
class ReceivingReferralIT {

  TestStore store;
  MongoDatabase database;
  MutableClock clock;
  ReceivingReferral receiving;

  static final Partner POLICE = new Partner("police:west mercia", Agency.POLICE, "West Mercia Police");
  static final Partner SCHOOL = new Partner("school:oak", Agency.SCHOOL, "Oak Primary");

  /** The embedded stand-in; {@link ReceivingReferralOnRealMongoIT} runs the same scenarios on a real MongoDB. */
  TestStore openStore() {
    return TestStore.embedded();
  }

  @BeforeEach
  void store() {
    store = openStore();
    fresh();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  /** A new empty database and the service over it. */
  void fresh() {
    database = store.database("intake");
    clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    OutboxRelay relay = new OutboxRelay(database, clock, 100);
    receiving = receiving(database, new MongoReferrals(relay, ReferralReceivedV1::eventFor), clock);
  }

  /** Receiving referrals into {@code referrals}, as the service is set up. */
  static ReceivingReferral receiving(MongoDatabase database, Referrals referrals, Clock clock) {
    return new ReceivingReferral(referrals, new MongoReferenceNumbers(database), new ChildKeys("a-test-secret-of-some-length"), clock, new ElapsedTime(Duration.ofHours(24)), Duration.ofDays(8));
  }

  static NewReferral.Child child(String given, String family, String dob, String nhs, String upn, String postcode) {
    return new NewReferral.Child(given, family, dob == null ? null : LocalDate.parse(dob), null, null, null, nhs, upn,
        postcode == null ? null : new NewReferral.Address("4 Widemarsh Street", null, "Hereford", postcode), null,
        false);
  }

  static NewReferral form(NewReferral.Child... children) {
    return new NewReferral(ReferralType.MARF,
        new NewReferral.Referrer(Agency.SCHOOL, "Oak Primary", "A. Teacher", null, "dsl@example.org", null),
        List.of(children), new NewReferral.Household(List.of(), Set.of()),
        new NewReferral.Concern(Set.of(ConcernCategory.NEGLECT), "summary", null, false, 2), null,
        new NewReferral.Consent(true, true, null, null), null);
  }

  ReceivingReferral.Receipt receive(Partner partner, NewReferral form) {
    return receiving.receive(partner, UUID.randomUUID().toString(), UUID.randomUUID().toString(), form);
  }

  static final NewReferral.Child AVA = child("Ava", "Marsh", "2016-03-14", "9434765919", "B801200005001", "HR4 9EP");

  @Test
  void a_referrals_id_sorts_by_when_it_was_received() {
    String first = receive(POLICE, form(AVA)).referral().referralId();
    clock.advance(Duration.ofMillis(1));
    String second = receive(SCHOOL, form(child("Ben", "Marsh", "2015-01-02", null, null, null))).referral().referralId();

    assertThat(UUID.fromString(first).version()).isEqualTo(7);
    assertThat(UUID.fromString(first).getMostSignificantBits() >>> 16)
        .isEqualTo(Instant.parse("2026-11-23T09:00:00Z").toEpochMilli());
    assertThat(second).isGreaterThan(first);
  }

  @Nested
  @DisplayName("matching rules")
  class Matching {

    @Test
    void the_same_nhs_number_matches_whatever_the_name() {
      String first = receive(POLICE, form(child("Ava", "Marsh", null, "9434765919", null, null))).referral().referralId();
      clock.advance(Duration.ofHours(1));
      var second = receive(SCHOOL, form(child("Eva", "Smith", null, "9434765919", null, null))).referral();
      assertThat(second.links().reReferral()).isTrue();
      assertThat(second.links().linkedReferralIds()).containsExactly(first);
    }

    @Test
    void the_same_upn_matches() {
      String first = receive(SCHOOL, form(child("Ava", "Marsh", null, null, "B801200005001", null))).referral().referralId();
      var second = receive(POLICE, form(child("A", "M", null, null, "B801200005001", null))).referral();
      assertThat(second.links().linkedReferralIds()).containsExactly(first);
    }

    @Test
    void without_identifiers_the_normalised_name_date_of_birth_and_postcode_match() {
      String first = receive(POLICE, form(AVA)).referral().referralId();
      var second = receive(SCHOOL, form(child(" AVA", "marsh", "2016-03-14", null, null, "hr49ep"))).referral();
      assertThat(second.links().linkedReferralIds()).containsExactly(first);
    }

    @Test
    void a_different_date_of_birth_or_postcode_does_not_match() {
      receive(POLICE, form(child("Ava", "Marsh", "2016-03-14", null, null, "HR4 9EP")));
      assertThat(receive(SCHOOL, form(child("Ava", "Marsh", "2016-03-15", null, null, "HR4 9EP"))).referral().links())
          .satisfies(l -> assertThat(l.reReferral()).isFalse());
      assertThat(receive(SCHOOL, form(child("Ava", "Marsh", "2016-03-14", null, null, "HR1 2AA"))).referral().links()
          .linkedReferralIds()).isEmpty();
    }

    @Test
    void a_sibling_in_a_later_form_links_the_whole_form() {
      String first = receive(POLICE, form(AVA)).referral().referralId();
      var second = receive(SCHOOL, form(child("Leo", "Marsh", "2019-07-02", "9434765870", null, "HR4 9EP"),
          child("Ava", "Marsh", null, "9434765919", null, null))).referral();
      assertThat(second.links().linkedReferralIds()).containsExactly(first);
    }

    @Test
    void the_child_key_documents_hold_keys_and_referral_ids_only() {
      var referral = receive(POLICE, form(AVA)).referral();
      List<Document> filed = database.getCollection("childKeys").find().into(new java.util.ArrayList<>());
      assertThat(filed).hasSize(3).allSatisfy(d -> {
        assertThat(d.getString("_id")).matches("[0-9a-f]{64}");
        assertThat(d.getList("referrals", Document.class)).singleElement()
            .satisfies(e -> assertThat(e.keySet()).containsExactlyInAnyOrder("referralId", "receivedAt"))
            .satisfies(e -> assertThat(e.getString("referralId")).isEqualTo(referral.referralId()));
      });
    }

    @Test
    void a_referral_filed_under_a_child_but_never_written_links_nothing() {
      String lost = receive(POLICE, form(AVA)).referral().referralId();
      // As if the process died after filing the child's keys and before the referral was written.
      database.getCollection("referrals").deleteOne(new Document("_id", lost));

      var later = receive(SCHOOL, form(AVA)).referral();

      assertThat(later.links().linkedReferralIds()).isEmpty();
      assertThat(later.links().reReferral()).isFalse();
    }

    @Test
    void a_store_from_before_the_child_key_documents_is_filed_once_at_start_up() {
      String first = receive(POLICE, form(AVA)).referral().referralId();
      database.getCollection("childKeys").drop();

      receiving = receiving(database,
          new MongoReferrals(new OutboxRelay(database, clock, 100), ReferralReceivedV1::eventFor), clock);

      assertThat(receive(SCHOOL, form(AVA)).referral().links().linkedReferralIds()).containsExactly(first);
    }

    @Test
    void the_store_holds_only_pseudonymous_keys_for_matching() {
      var referral = receive(POLICE, form(AVA)).referral();
      Document stored = database.getCollection("referrals").find(new Document("_id", referral.referralId())).first();
      assertThat(stored.getList("childKeys", String.class)).hasSize(3)
          .allMatch(k -> k.matches("[0-9a-f]{64}")).noneMatch(k -> k.contains("9434765919"));
    }
  }

  /** Issue 10: two different children must never be merged into one contact. */
  @Nested
  @DisplayName("no false links: a conflicting strong identifier vetoes a name + date of birth + postcode match")
  class NoFalseLinks {

    static final String OTHER_NHS = "9434765870";
    static final String OTHER_UPN = "A801200005001";

    List<String> linkedTo(NewReferral.Child later) {
      return receive(SCHOOL, form(later)).referral().links().linkedReferralIds();
    }

    @Test
    void different_nhs_numbers_veto_the_same_name_date_of_birth_and_postcode() {
      receive(POLICE, form(child("Ava", "Marsh", "2016-03-14", "9434765919", null, "HR4 9EP")));
      var later = receive(SCHOOL, form(child("Ava", "Marsh", "2016-03-14", OTHER_NHS, null, "HR4 9EP"))).referral();
      assertThat(later.links().linkedReferralIds()).isEmpty();
      assertThat(later.links().reReferral()).isFalse();
    }

    @Test
    void different_upns_veto_the_same_name_date_of_birth_and_postcode() {
      receive(POLICE, form(child("Ava", "Marsh", "2016-03-14", null, "B801200005001", "HR4 9EP")));
      assertThat(linkedTo(child("Ava", "Marsh", "2016-03-14", null, OTHER_UPN, "HR4 9EP"))).isEmpty();
    }

    @Test
    void names_that_differ_in_digits_or_punctuation_are_different_children() {
      receive(POLICE, form(child("Ava", "O'Neil", "2016-03-14", null, null, "HR4 9EP")));
      assertThat(linkedTo(child("Ava2", "O'Neil", "2016-03-14", null, null, "HR4 9EP"))).isEmpty();
      assertThat(linkedTo(child("Ava", "ONeil", "2016-03-14", null, null, "HR4 9EP"))).isEmpty();
      assertThat(linkedTo(child("Ava", "O-Neil", "2016-03-14", null, null, "HR4 9EP"))).isEmpty();
    }

    @Test
    void the_same_nhs_number_still_links() {
      String first = receive(POLICE, form(child("Ava", "Marsh", "2016-03-14", "9434765919", "B801200005001",
          "HR4 9EP"))).referral().referralId();
      assertThat(linkedTo(child("Ava", "Marsh", "2016-03-14", "9434765919", null, "HR1 2AA"))).containsExactly(first);
    }

    @Test
    void the_same_upn_still_links() {
      String first = receive(POLICE, form(child("Ava", "Marsh", "2016-03-14", null, "B801200005001", "HR4 9EP")))
          .referral().referralId();
      assertThat(linkedTo(child("Ava", "Marsh", null, null, "B801200005001", null))).containsExactly(first);
    }

    @Test
    void a_name_match_still_links_when_one_side_lacks_the_nhs_number() {
      String first = receive(POLICE, form(child("Ava", "Marsh", "2016-03-14", "9434765919", null, "HR4 9EP")))
          .referral().referralId();
      assertThat(linkedTo(child("Ava", "Marsh", "2016-03-14", null, null, "HR4 9EP"))).containsExactly(first);
      assertThat(linkedTo(child("Ava", "Marsh", "2016-03-14", null, OTHER_UPN, "HR4 9EP"))).contains(first);
    }

    @Test
    void case_accents_and_whitespace_do_not_matter() {
      String first = receive(POLICE, form(child("Zoë Ann", "O'Neil-Smith", "2016-03-14", null, null, "HR4 9EP")))
          .referral().referralId();
      assertThat(linkedTo(child("  ZOE  ann ", "o'neil-smith", "2016-03-14", null, null, "hr49ep")))
          .containsExactly(first);
    }

    @Test
    void a_sibling_with_a_different_nhs_number_does_not_borrow_a_brothers_match() {
      // The later form's Leo has Ava's name details but another NHS number; its Ava matches by NHS number.
      String first = receive(POLICE, form(child("Ava", "Marsh", "2016-03-14", "9434765919", null, "HR4 9EP")))
          .referral().referralId();
      assertThat(linkedTo(child("Ava", "Marsh", "2016-03-14", OTHER_NHS, null, "HR4 9EP"))).isEmpty();
      assertThat(receive(SCHOOL, form(child("Ava", "Marsh", "2016-03-14", OTHER_NHS, null, "HR4 9EP"),
          child("Ava", "Marsh", null, "9434765919", null, null))).referral().links().linkedReferralIds())
          .contains(first);
    }
  }

  @Nested
  @DisplayName("window boundaries")
  class Windows {

    @Test
    void exactly_seven_days_later_is_linked_one_millisecond_more_is_not() {
      String first = receive(POLICE, form(AVA)).referral().referralId();
      clock.advance(Duration.ofDays(7));
      assertThat(receive(SCHOOL, form(AVA)).referral().links().linkedReferralIds()).contains(first);

      fresh();
      receive(POLICE, form(AVA));
      clock.advance(Duration.ofDays(7).plusMillis(1));
      var late = receive(SCHOOL, form(AVA)).referral();
      assertThat(late.links().linkedReferralIds()).isEmpty();
      assertThat(late.links().reReferral()).isTrue();
    }

    @Test
    void exactly_twelve_months_later_is_a_re_referral_one_millisecond_more_is_not() {
      receive(POLICE, form(AVA));
      clock.set(Instant.parse("2027-11-23T09:00:00Z"));
      assertThat(receive(SCHOOL, form(AVA)).referral().links().reReferral()).isTrue();

      fresh();
      receive(POLICE, form(AVA));
      clock.set(Instant.parse("2027-11-23T09:00:00.001Z"));
      var late = receive(SCHOOL, form(AVA)).referral();
      assertThat(late.links().reReferral()).isFalse();
      assertThat(late.links().linkedReferralIds()).isEmpty();
    }
  }

  @Nested
  @DisplayName("idempotency")
  class Idempotency {

    @Test
    void the_same_key_and_body_answers_with_the_first_referral() {
      var first = receiving.receive(POLICE, "key-00000001", "body-a", form(AVA));
      var again = receiving.receive(POLICE, "key-00000001", "body-a", form(AVA));
      assertThat(first.replayed()).isFalse();
      assertThat(again.replayed()).isTrue();
      assertThat(again.referral().referralId()).isEqualTo(first.referral().referralId());
      assertThat(again.referral().reference()).isEqualTo(first.referral().reference());
      assertThat(database.getCollection("referrals").countDocuments()).isEqualTo(1);
    }

    @Test
    void the_same_key_with_another_body_is_refused() {
      receiving.receive(POLICE, "key-00000001", "body-a", form(AVA));
      assertThatThrownBy(() -> receiving.receive(POLICE, "key-00000001", "body-b", form(AVA)))
          .isInstanceOf(IdempotencyKeyReused.class);
    }

    @Test
    void keys_belong_to_a_partner() {
      var police = receiving.receive(POLICE, "key-00000001", "body-a", form(AVA));
      var school = receiving.receive(SCHOOL, "key-00000001", "body-b", form(AVA));
      assertThat(school.referral().referralId()).isNotEqualTo(police.referral().referralId());
    }

    @Test
    void the_referral_holds_its_key_and_no_collection_of_keys_is_kept() {
      var first = receiving.receive(POLICE, "key-00000001", "body-a", form(AVA));

      Document stored = database.getCollection("referrals")
          .find(new Document("_id", first.referral().referralId())).first();
      assertThat(stored.getString("idempotencyKey")).isEqualTo(POLICE.id() + "|key-00000001");
      assertThat(database.listCollectionNames().into(new ArrayList<>())).doesNotContain("idempotencyKeys");
    }

    @Test
    void a_replay_takes_back_the_child_keys_it_filed() {
      var first = receiving.receive(POLICE, "key-00000001", "body-a", form(AVA));
      for (int i = 0; i < 3; i++) {
        assertThat(receiving.receive(POLICE, "key-00000001", "body-a", form(AVA)).replayed()).isTrue();
      }
      assertThatThrownBy(() -> receiving.receive(POLICE, "key-00000001", "body-b", form(AVA)))
          .isInstanceOf(IdempotencyKeyReused.class);

      assertThat(database.getCollection("childKeys").find().into(new ArrayList<>())).hasSize(3)
          .allSatisfy(d -> assertThat(d.getList("referrals", Document.class))
              .extracting(e -> e.getString("referralId")).containsExactly(first.referral().referralId()));
    }

    @Test
    void retries_take_no_room_under_a_child_whose_lists_are_full() {
      var first = receiving.receive(POLICE, "key-00000001", "body-a", form(AVA));
      // Fill each of the child's lists: older referrals filed before this one, up to the limit.
      var childKeys = database.getCollection("childKeys");
      for (Document filed : childKeys.find().into(new ArrayList<>())) {
        List<Document> entries = new ArrayList<>();
        for (int i = 0; i < MongoReferrals.REFERRALS_PER_CHILD_KEY - 1; i++) {
          entries.add(new Document("referralId", "older-%03d".formatted(i))
              .append("receivedAt", java.util.Date.from(clock.instant().minus(Duration.ofDays(400 - i)))));
        }
        entries.addAll(filed.getList("referrals", Document.class));
        childKeys.updateOne(new Document("_id", filed.get("_id")),
            new Document("$set", new Document("referrals", entries)));
      }

      for (int i = 0; i < 5; i++) {
        receiving.receive(POLICE, "key-00000001", "body-a", form(AVA));
      }

      // The first retry found each list full and pushed its oldest entry out; the rest took back only their own.
      assertThat(childKeys.find().into(new ArrayList<>())).hasSize(3).allSatisfy(d ->
          assertThat(d.getList("referrals", Document.class)).extracting(e -> e.getString("referralId"))
              .hasSize(MongoReferrals.REFERRALS_PER_CHILD_KEY - 1)
              .contains(first.referral().referralId(), "older-001").doesNotContain("older-000"));
    }

    @Test
    void concurrent_duplicates_make_one_referral_and_leave_only_its_child_key_entries() throws Exception {
      var pool = Executors.newFixedThreadPool(8);
      try {
        var gate = new CountDownLatch(1);
        List<Future<ReceivingReferral.Receipt>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          calls.add(pool.submit(() -> {
            gate.await();
            return receiving.receive(POLICE, "key-00000001", "body-a", form(AVA));
          }));
        }
        gate.countDown();
        List<ReceivingReferral.Receipt> receipts = new ArrayList<>();
        for (var call : calls) {
          receipts.add(call.get());
        }
        assertThat(receipts).extracting(r -> r.referral().referralId()).containsOnly(
            receipts.getFirst().referral().referralId());
        assertThat(receipts).filteredOn(r -> !r.replayed()).hasSize(1);
        assertThat(database.getCollection("referrals").countDocuments()).isEqualTo(1);
        assertThat(database.getCollection("childKeys").find().into(new ArrayList<>()))
            .allSatisfy(d -> assertThat(d.getList("referrals", Document.class)).hasSize(1));
      } finally {
        pool.shutdownNow();
      }
    }

    @Test
    void a_key_is_remembered_seven_days_and_then_bound_to_the_next_referral_that_brings_it() {
      var first = receiving.receive(POLICE, "key-00000001", "body-a", form(AVA));
      clock.advance(Duration.ofDays(7));
      assertThat(receiving.receive(POLICE, "key-00000001", "body-a", form(AVA)).referral().referralId())
          .isEqualTo(first.referral().referralId());
      clock.advance(Duration.ofDays(1).plusSeconds(1));

      var next = receiving.receive(POLICE, "key-00000001", "body-b", form(AVA));

      assertThat(next.replayed()).isFalse();
      assertThat(next.referral().referralId()).isNotEqualTo(first.referral().referralId());
      assertThat(receiving.receive(POLICE, "key-00000001", "body-b", form(AVA)).referral().referralId())
          .isEqualTo(next.referral().referralId());
      assertThatThrownBy(() -> receiving.receive(POLICE, "key-00000001", "body-a", form(AVA)))
          .isInstanceOf(IdempotencyKeyReused.class);
      assertThat(database.getCollection("referrals").countDocuments()).isEqualTo(2);
    }

    @Test
    void keys_kept_apart_before_referrals_held_them_are_taken_over_once_at_start_up() {
      var first = receiving.receive(POLICE, "key-00000001", "body-a", form(AVA));
      // As a store from before: the referral holds no key; the key is in a collection of its own.
      database.getCollection("referrals").updateOne(new Document("_id", first.referral().referralId()),
          new Document("$unset", new Document("idempotencyKey", "").append("bodyFingerprint", "")
              .append("keyExpiresAt", "")));
      database.getCollection("idempotencyKeys").insertMany(List.of(
          new Document("_id", POLICE.id() + "|key-00000001").append("fingerprint", "body-a")
              .append("referralId", first.referral().referralId())
              .append("expiresAt", java.util.Date.from(clock.instant().plus(Duration.ofDays(8)))),
          new Document("_id", POLICE.id() + "|key-crashed").append("fingerprint", "body-c")
              .append("referralId", "never-written")
              .append("expiresAt", java.util.Date.from(clock.instant().plus(Duration.ofDays(8))))));

      receiving = receiving(database,
          new MongoReferrals(new OutboxRelay(database, clock, 100), ReferralReceivedV1::eventFor), clock);

      assertThat(database.listCollectionNames().into(new ArrayList<>())).doesNotContain("idempotencyKeys");
      var again = receiving.receive(POLICE, "key-00000001", "body-a", form(AVA));
      assertThat(again.replayed()).isTrue();
      assertThat(again.referral().referralId()).isEqualTo(first.referral().referralId());
      assertThatThrownBy(() -> receiving.receive(POLICE, "key-00000001", "body-b", form(AVA)))
          .isInstanceOf(IdempotencyKeyReused.class);
      assertThat(receiving.receive(POLICE, "key-crashed", "body-c", form(AVA)).replayed()).isFalse();
      assertThat(database.getCollection("referrals").countDocuments()).isEqualTo(2);
    }

    @Test
    void a_referral_received_under_a_given_id_keeps_it_and_a_replay_finds_it() {
      var first = receiving.receiveAs("step-up-referral", POLICE, "step-up:case-1", "body-a", form(AVA));
      var again = receiving.receiveAs("step-up-referral", POLICE, "step-up:case-1", "body-a", form(AVA));
      assertThat(first.referral().referralId()).isEqualTo("step-up-referral");
      assertThat(first.referral().reference()).matches("MARF-2026-\\d{6}");
      assertThat(again.replayed()).isTrue();
      assertThat(again.referral().reference()).isEqualTo(first.referral().reference());
      assertThat(database.getCollection("referrals").countDocuments()).isEqualTo(1);
    }

    @Test
    void a_replay_under_a_given_id_leaves_that_referral_filed_under_its_child() {
      receiving.receiveAs("step-up-referral", POLICE, "step-up:case-1", "body-a", form(AVA));
      receiving.receiveAs("step-up-referral", POLICE, "step-up:case-1", "body-a", form(AVA));
      clock.advance(Duration.ofHours(1));

      assertThat(receive(SCHOOL, form(AVA)).referral().links().linkedReferralIds())
          .containsExactly("step-up-referral");
    }

    @Test
    void a_refused_referral_under_a_given_id_takes_back_only_what_it_filed() {
      receiving.receive(SCHOOL, "key-00000002", "body-b", form(child("Ben", "Marsh", "2015-01-02", null, null, null)));
      receiving.receiveAs("step-up-referral", SCHOOL, "key-00000001", "body-a", form(AVA));
      clock.advance(Duration.ofMinutes(1));

      // The same id again, under a key another referral holds: refused, after filing the id under Ava's keys again.
      assertThatThrownBy(() -> receiving.receiveAs("step-up-referral", SCHOOL, "key-00000002", "body-b", form(AVA)))
          .isInstanceOf(IdempotencyKeyReused.class);
      clock.advance(Duration.ofHours(1));

      assertThat(receive(POLICE, form(AVA)).referral().links().linkedReferralIds()).containsExactly("step-up-referral");
    }

    @Test
    void a_given_id_already_held_under_another_key_answers_that_referral() {
      var first = receiving.receiveAs("step-up-referral", SCHOOL, "key-00000001", "body-a", form(AVA));

      var again = receiving.receiveAs("step-up-referral", SCHOOL, "key-00000002", "body-z", form(AVA));

      assertThat(again.replayed()).isTrue();
      assertThat(again.referral()).isEqualTo(first.referral());
      assertThat(database.getCollection("referrals").countDocuments()).isEqualTo(1);
    }

    @Test
    void a_key_bound_to_another_id_is_refused() {
      receiving.receiveAs("referral-a", POLICE, "step-up:case-1", "body-a", form(AVA));
      assertThatThrownBy(() -> receiving.receiveAs("referral-b", POLICE, "step-up:case-1", "body-a", form(AVA)))
          .isInstanceOf(IdempotencyKeyReused.class);
      assertThat(database.getCollection("referrals").countDocuments()).isEqualTo(1);
    }

    @Test
    void an_expired_key_counts_as_new() {
      var first = receiving.receive(POLICE, "key-00000001", "body-a", form(AVA));
      clock.advance(Duration.ofDays(9));
      var later = receiving.receive(POLICE, "key-00000001", "body-b", form(AVA));
      assertThat(later.replayed()).isFalse();
      assertThat(later.referral().referralId()).isNotEqualTo(first.referral().referralId());
    }
  }

  @Nested
  @DisplayName("reference numbers: a block reserved at a time, never one handed out twice")
  class ReferenceNumbering {

    /** Another intake over the same store (a second replica, or this one restarted). */
    ReceivingReferral anotherIntake() {
      var referrals = new MongoReferrals(new OutboxRelay(database, clock, 100), ReferralReceivedV1::eventFor);
      return receiving(database, referrals, clock);
    }

    String reference(ReceivingReferral intake) {
      return intake.receive(POLICE, UUID.randomUUID().toString(), "body", form(AVA)).referral().reference();
    }

    Document counter(int year) {
      return database.getCollection("referenceCounters").find(new Document("_id", "MARF-" + year)).first();
    }

    @Test
    void a_block_is_handed_out_to_its_last_number_before_the_next_is_reserved() {
      ReferenceNumbers numbers = new MongoReferenceNumbers(database);

      List<Long> taken = IntStream.range(0, (int) MongoReferenceNumbers.BLOCK + 1).mapToObj(i -> numbers.next(2026))
          .toList();

      assertThat(taken).isEqualTo(LongStream.rangeClosed(1, MongoReferenceNumbers.BLOCK + 1).boxed().toList());
      assertThat(counter(2026).get("last", Number.class).longValue()).isEqualTo(2 * MongoReferenceNumbers.BLOCK);
    }

    @Test
    void a_reservation_the_store_refused_hands_out_nothing_and_the_next_request_reserves_again() {
      ReferenceNumbers numbers = new MongoReferenceNumbers(database);
      numbers.next(2026);
      // The counter can no longer be advanced ($inc on a string): the next block's reservation fails.
      database.getCollection("referenceCounters").updateOne(new Document("_id", "MARF-2026"),
          new Document("$set", new Document("last", "not a number")));
      IntStream.range(1, (int) MongoReferenceNumbers.BLOCK).forEach(i -> numbers.next(2026));

      assertThatThrownBy(() -> numbers.next(2026)).isInstanceOf(MongoException.class);
      assertThatThrownBy(() -> numbers.next(2026)).isInstanceOf(MongoException.class);

      database.getCollection("referenceCounters").updateOne(new Document("_id", "MARF-2026"),
          new Document("$set", new Document("last", MongoReferenceNumbers.BLOCK)));
      assertThat(numbers.next(2026)).isEqualTo(MongoReferenceNumbers.BLOCK + 1);
    }

    @Test
    void the_first_referral_of_a_year_is_number_one_and_the_counter_is_written_once_per_block() {
      List<String> references = IntStream.range(0, 3).mapToObj(i -> reference(receiving)).toList();

      assertThat(references).containsExactly("MARF-2026-000001", "MARF-2026-000002", "MARF-2026-000003");
      assertThat(counter(2026).get("last", Number.class).longValue()).isEqualTo(MongoReferenceNumbers.BLOCK);
    }

    @Test
    void a_counter_from_before_goes_on_after_its_last_number() {
      database.getCollection("referenceCounters").insertOne(new Document("_id", "MARF-2026").append("last", 41L));

      assertThat(reference(receiving)).isEqualTo("MARF-2026-000042");
    }

    @Test
    void a_restarted_or_second_intake_takes_the_next_block_and_neither_reuses_a_number() {
      String first = reference(receiving);
      ReceivingReferral second = anotherIntake();

      String secondsFirst = reference(second);
      String firstsNext = reference(receiving);

      assertThat(secondsFirst).isEqualTo(ReferenceNumber.format(2026, MongoReferenceNumbers.BLOCK + 1));
      assertThat(List.of(first, secondsFirst, firstsNext)).doesNotHaveDuplicates();
      assertThat(firstsNext).isEqualTo("MARF-2026-000002");
    }

    @Test
    void a_new_year_starts_its_own_numbers() {
      reference(receiving);
      clock.advance(Duration.between(clock.instant(), Instant.parse("2027-01-01T00:00:00Z")));

      assertThat(reference(receiving)).isEqualTo("MARF-2027-000001");
    }

    @Test
    void intakes_receiving_at_once_never_share_a_number() throws Exception {
      List<ReceivingReferral> intakes = List.of(receiving, anotherIntake(), anotherIntake());
      int each = 2 * (int) MongoReferenceNumbers.BLOCK; // past a block boundary in every intake
      var pool = Executors.newFixedThreadPool(6);
      try {
        List<Future<String>> references = new ArrayList<>();
        for (int i = 0; i < 3 * each; i++) {
          ReceivingReferral intake = intakes.get(i % 3);
          references.add(pool.submit(() -> reference(intake)));
        }
        List<String> all = new ArrayList<>();
        for (var reference : references) {
          all.add(reference.get());
        }
        assertThat(all).hasSize(3 * each).doesNotHaveDuplicates();
      } finally {
        pool.shutdownNow();
      }
    }

    @Test
    void numbers_taken_at_once_from_two_intakes_are_all_different() throws Exception {
      List<ReferenceNumbers> intakes =
          List.of(new MongoReferenceNumbers(database), new MongoReferenceNumbers(database));
      var pool = Executors.newFixedThreadPool(6);
      try {
        var gate = new CountDownLatch(1);
        List<Future<List<Long>>> taken = new ArrayList<>();
        for (int thread = 0; thread < 6; thread++) {
          ReferenceNumbers intake = intakes.get(thread % 2);
          taken.add(pool.submit(() -> {
            gate.await();
            return IntStream.range(0, 2_000).mapToObj(i -> intake.next(2026)).toList();
          }));
        }
        gate.countDown();
        List<Long> all = new ArrayList<>();
        for (var numbers : taken) {
          all.addAll(numbers.get());
        }
        assertThat(all).hasSize(12_000).doesNotHaveDuplicates()
            .allMatch(n -> n >= 1 && n <= 12_000 + 2 * MongoReferenceNumbers.BLOCK);
        // One reservation at a time per intake: the blocks the two did not finish are all that is left unused.
        assertThat(counter(2026).get("last", Number.class).longValue())
            .isLessThanOrEqualTo(12_000 + 2 * MongoReferenceNumbers.BLOCK);
      } finally {
        pool.shutdownNow();
      }
    }

    @Test
    void first_referrals_about_one_child_at_once_are_all_filed_under_each_of_its_keys() throws Exception {
      // Each round a new child, first referred by six partners at once: their upserts race to make its documents.
      List<String> names = List.of("Ava", "Ben", "Cal", "Dee", "Eli", "Fay", "Gus", "Hal", "Ida", "Jo");
      var pool = Executors.newFixedThreadPool(6);
      try {
        for (String name : names) {
          NewReferral.Child child = child(name, "Marsh", "2016-03-14", null, null, "HR4 9EP");
          var gate = new CountDownLatch(1);
          List<Future<String>> ids = new ArrayList<>();
          for (int i = 0; i < 6; i++) {
            ids.add(pool.submit(() -> {
              gate.await();
              return receive(POLICE, form(child)).referral().referralId();
            }));
          }
          gate.countDown();
          Set<String> received = new HashSet<>();
          for (var id : ids) {
            received.add(id.get());
          }
          String key = new ChildKeys("a-test-secret-of-some-length").of(child).keys().getFirst();
          Document filed = database.getCollection("childKeys").find(new Document("_id", key)).first();
          assertThat(filed.getList("referrals", Document.class)).as(name)
              .extracting(e -> e.getString("referralId")).containsExactlyInAnyOrderElementsOf(received);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Nested
  @DisplayName("a step-up from early help: a new referral through the same path, once")
  class SteppingUps {

    Referrals referrals;
    SteppingUp steppingUp;

    @BeforeEach
    void steppingUp() {
      referrals = new MongoReferrals(new OutboxRelay(database, clock, 100), ReferralReceivedV1::eventFor);
      steppingUp = new SteppingUp(referrals, receiving);
    }

    Referral earlier() {
      return receiving.receive(SCHOOL, UUID.randomUUID().toString(), "body", form(AVA)).referral();
    }

    @Test
    void the_new_referral_is_a_marf_from_early_help_under_the_given_id_linked_to_the_earlier_one() {
      Referral earlier = earlier();
      clock.advance(Duration.ofDays(3));

      Referral stepUp = steppingUp.steppedUp("case-1", earlier.referralId(), "new-referral-1", "Worries grew.");

      assertThat(stepUp.referralId()).isEqualTo("new-referral-1");
      assertThat(stepUp.partnerId()).isEqualTo(SteppingUp.EARLY_HELP.id());
      assertThat(stepUp.referrer().agency()).isEqualTo(Agency.EARLY_HELP);
      assertThat(stepUp.referrer().organisation()).isEqualTo("Early help (step-up)");
      assertThat(stepUp.referralType()).isEqualTo(ReferralType.MARF);
      assertThat(stepUp.concern().summary()).isEqualTo("Worries grew.");
      assertThat(stepUp.concern().immediateRisk()).isFalse();
      assertThat(stepUp.children()).isEqualTo(earlier.children());
      assertThat(stepUp.form().consent()).isEqualTo(earlier.form().consent());
      assertThat(stepUp.reference()).matches("MARF-2026-\\d{6}").isNotEqualTo(earlier.reference());
      assertThat(stepUp.links().reReferral()).isTrue();
      assertThat(stepUp.links().linkedReferralIds()).containsExactly(earlier.referralId());
      assertThat(stepUp.status()).isEqualTo(ReferralStatus.RECEIVED);
      assertThat(stepUp.receivedAt()).isEqualTo(clock.instant());
      assertThat(stepUp.decisionDueBy()).isAfter(stepUp.receivedAt());
      assertThat(referrals.byId("new-referral-1")).hasValue(stepUp);
    }

    @Test
    void a_redelivered_step_up_finds_the_referral_and_creates_nothing() {
      Referral earlier = earlier();
      Referral first = steppingUp.steppedUp("case-1", earlier.referralId(), "new-referral-1", "Worries grew.");
      clock.advance(Duration.ofMinutes(5));

      Referral again = steppingUp.steppedUp("case-1", earlier.referralId(), "new-referral-1", "Worries grew.");

      assertThat(again).isEqualTo(first);
      assertThat(database.getCollection("referrals").countDocuments()).isEqualTo(2);
    }

    @Test
    void a_step_up_of_a_referral_this_intake_does_not_hold_is_refused_naming_it() {
      assertThatThrownBy(() -> steppingUp.steppedUp("case-1", "unknown-referral", "new-referral-1", "Worries grew."))
          .isInstanceOf(ReferralNotHeld.class).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("case-1").hasMessageContaining("unknown-referral");
      assertThat(database.getCollection("referrals").countDocuments()).isZero();
    }

    @Test
    void a_case_stepped_up_again_as_another_referral_is_refused() {
      Referral earlier = earlier();
      steppingUp.steppedUp("case-1", earlier.referralId(), "new-referral-1", "Worries grew.");

      assertThatThrownBy(() -> steppingUp.steppedUp("case-1", earlier.referralId(), "new-referral-2", "Again."))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("case-1");
      assertThat(referrals.byId("new-referral-2")).isEmpty();
    }
  }
}
