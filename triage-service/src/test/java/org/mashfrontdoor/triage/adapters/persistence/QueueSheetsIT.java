package org.mashfrontdoor.triage.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.codes.DashRiskLevel;
import org.mashfrontdoor.platform.codes.MashOutcome;
import org.mashfrontdoor.platform.codes.ReferralType;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.mashfrontdoor.platform.paging.PageWindow;
import org.mashfrontdoor.platform.testsupport.MutableClock;
import org.mashfrontdoor.platform.testsupport.TestStore;
import org.mashfrontdoor.triage.adapters.messaging.TriageEvents;
import org.mashfrontdoor.triage.application.Contacts;
import org.mashfrontdoor.triage.application.FrontDoorMetrics;
import org.mashfrontdoor.triage.application.OpeningContact;
import org.mashfrontdoor.triage.application.RecordingDecision;
import org.mashfrontdoor.triage.application.RecordingRecommendation;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.Lane;
import org.mashfrontdoor.triage.domain.Rag;
import org.mashfrontdoor.triage.domain.RagPolicy;
import org.mashfrontdoor.triage.domain.ReceivedReferrals;
import org.mashfrontdoor.triage.domain.Referral;
import org.mashfrontdoor.triage.domain.ReferralDetails;
import org.mashfrontdoor.triage.domain.Role;
import org.mashfrontdoor.triage.domain.Staff;

/**
 * The queue read by key ({@link QueueSheets}) shows what reading every open contact and sorting them by
 * {@link Contact#QUEUE_ORDER} would: every page, every filter, every count; and the contact stays the truth.
 */
@DisplayName("The front-door queue read by key")
class QueueSheetsIT {

  /** Half a minute past, so the RAG boundaries (2 h, 8 h, the deadline) fall inside a minute's sheet. */
  static final Instant T0 = Instant.parse("2026-03-02T09:00:30Z");
  static final RagPolicy RAG = new RagPolicy(Duration.ofHours(8), Duration.ofHours(2));

  TestStore store;
  MongoDatabase database;
  MongoContacts contacts;
  final MutableClock clock = new MutableClock(T0);
  /** What the queue must show: every contact opened and not decided, by id. */
  final Map<String, Contact> open = new LinkedHashMap<>();

  /** The embedded stand-in; {@link QueueSheetsOnRealMongoIT} runs the same scenarios on a real MongoDB. */
  TestStore openStore() {
    return TestStore.embedded();
  }

  @BeforeEach
  void store() {
    store = openStore();
    database = store.database("triage");
    start();
  }

  void start() {
    contacts = new MongoContacts(new OutboxRelay(database, clock, 100), clock, new TriageEvents());
  }

  @AfterEach
  void close() {
    store.close();
  }

  static Referral referral(String id, boolean urgent, Lane lane, Instant receivedAt, String... linkedTo) {
    boolean police = lane == Lane.DOMESTIC_ABUSE;
    Referral referral = new Referral(id, "MARF-2026-" + id, police ? ReferralType.POLICE_NOTIFICATION
        : ReferralType.MARF, police ? "POLICE" : "SCHOOL", "Somewhere", receivedAt,
        ReceivedReferrals.WITHIN_24_HOURS.dueBy(receivedAt), ReceivedReferrals.WITHIN_24_HOURS.applied(), urgent,
        police ? DashRiskLevel.STANDARD : null, List.of(), linkedTo.length > 0, List.of(linkedTo));
    assertThat(referral.urgent()).isEqualTo(urgent);
    assertThat(referral.lane()).isEqualTo(lane);
    return referral;
  }

  static ReferralDetails details(String id) {
    return new ReferralDetails(id, null, null, List.of(), null, null, null, null);
  }

  Contact open(String id, boolean urgent, Lane lane, Instant receivedAt) {
    Contact contact = Contact.open(referral(id, urgent, lane, receivedAt), RAG, clock.instant());
    assertThat(contacts.open(contact, List.of(), "evt-" + id)).isEqualTo(Contacts.Write.APPLIED);
    open.put(id, contact);
    return contact;
  }

  Contacts.Queue queue(Lane lane, Rag rag, int offset, int limit) {
    Instant now = clock.instant();
    Function<Instant, Rag> ragNow = due -> RAG.ragAt(due, now);
    return contacts.queue(lane, rag, ragNow, new PageWindow(offset, limit));
  }

  List<Contact> expected(Lane lane, Rag rag) {
    return open.values().stream()
        .filter(c -> lane == null || c.lane() == lane)
        .filter(c -> rag == null || c.rag(RAG, clock.instant()) == rag)
        .sorted(Contact.QUEUE_ORDER).toList();
  }

  static List<String> ids(List<Contact> contacts) {
    return contacts.stream().map(Contact::contactId).toList();
  }

  /** Every listing of {@code contactId} in the sheets. */
  long listings(String contactId) {
    long n = 0;
    for (Document sheet : database.getCollection(QueueSheets.COLLECTION).find()) {
      n += sheet.getList("entries", Document.class, List.of()).stream()
          .filter(e -> e.getString("id").equals(contactId)).count();
    }
    return n;
  }

  /** 240 contacts over 30 hours of deadlines, several in some minutes; three on and beside each RAG boundary. */
  void openMany() {
    Random random = new Random(20261203);
    for (int i = 0; i < 240; i++) {
      // Received up to 30 hours ago (due up to 6 hours past to 24 hours ahead), several in some minutes.
      Instant received = T0.minusSeconds(random.nextInt(i % 4 == 0 ? 40 : 30 * 60) * (i % 4 == 0 ? 1 : 60L));
      open("r" + i, random.nextInt(5) == 0, random.nextInt(3) == 0 ? Lane.DOMESTIC_ABUSE : Lane.MASH, received);
    }
    // On each RAG boundary, and either side of it by a second: the boundary minutes are counted exactly.
    int b = 0;
    for (Duration left : List.of(Duration.ZERO, Duration.ofHours(2), Duration.ofHours(8))) {
      for (long s : new long[] {-1, 0, 1}) {
        open("edge" + b++, b % 2 == 0, Lane.MASH, T0.plus(left).plusSeconds(s).minus(Duration.ofHours(24)));
      }
    }
  }

  @Test
  void every_page_of_every_filter_is_the_open_contacts_in_queue_order_with_their_counts() {
    openMany();

    for (Lane lane : new Lane[] {null, Lane.MASH, Lane.DOMESTIC_ABUSE}) {
      for (Rag rag : new Rag[] {null, Rag.GREEN, Rag.AMBER, Rag.RED, Rag.BREACHED}) {
        List<Contact> expected = expected(lane, rag);
        long urgent = expected.stream().filter(Contact::urgent).count();
        for (int limit : new int[] {1, 7, 50, 500}) {
          for (int offset = 0; offset <= expected.size() + 1; offset += Math.max(1, limit == 1 ? 37 : limit)) {
            Contacts.Queue page = queue(lane, rag, offset, limit);
            String which = "lane " + lane + ", RAG " + rag + ", offset " + offset + ", limit " + limit;
            assertThat(ids(page.contacts())).as(which).containsExactlyElementsOf(
                ids(expected.subList(Math.min(offset, expected.size()), Math.min(expected.size(), offset + limit))));
            assertThat(page.total()).as(which).isEqualTo(expected.size());
            assertThat(page.urgent()).as(which).isEqualTo(urgent);
          }
        }
      }
    }
    assertThat(expected(null, Rag.RED)).as("the RED edges are there to count").hasSizeGreaterThan(3);
  }

  @Test
  void the_open_contacts_are_counted_by_lane_and_rag_now() {
    openMany();
    // At T0 the edge contacts split the boundary minutes; 37 minutes on, the RAG now, not as each was opened.
    for (Duration later : List.of(Duration.ZERO, Duration.ofMinutes(37))) {
      clock.set(T0.plus(later));
      Map<Lane, Map<Rag, Long>> counts = contacts.countOpen(due -> RAG.ragAt(due, clock.instant()));

      for (Lane lane : Lane.values()) {
        for (Rag rag : Rag.values()) {
          assertThat(counts.get(lane).get(rag)).as(later + " " + lane + " " + rag)
              .isEqualTo(expected(lane, rag).size());
        }
      }
    }
  }

  @Test
  void a_decided_contact_leaves_the_queue_and_a_join_moves_its_contact_to_its_new_place() {
    OpeningContact opening = new OpeningContact(contacts, new MongoReferrals(database), RAG, clock,
        FrontDoorMetrics.NONE);
    opening.open(referral("r1", false, Lane.MASH, T0.minus(Duration.ofHours(3))), details("r1"), "evt-r1");
    opening.open(referral("r2", false, Lane.DOMESTIC_ABUSE, T0.minus(Duration.ofHours(1))), details("r2"), "evt-r2");
    assertThat(ids(queue(Lane.DOMESTIC_ABUSE, null, 0, 10).contacts())).containsExactly("r2");

    // An urgent school referral about the same child lifts r2's contact into the MASH lane, urgent.
    assertThat(opening.open(referral("r3", true, Lane.MASH, T0, "r2"), details("r3"), "evt-r3"))
        .isEqualTo(OpeningContact.Result.JOINED);

    Contacts.Queue all = queue(null, null, 0, 10);
    assertThat(ids(all.contacts())).containsExactly("r2", "r1");
    assertThat(all.total()).isEqualTo(2);
    assertThat(all.urgent()).isEqualTo(1);
    assertThat(queue(Lane.DOMESTIC_ABUSE, null, 0, 10).total()).isZero();
    assertThat(listings("r2")).as("listed at its new place only").isEqualTo(1);

    new RecordingRecommendation(contacts, RAG, clock)
        .recommend("r1", MashOutcome.EARLY_HELP, 2, "Family agree.", null, new Staff("sw-1", Role.MASH_SOCIAL_WORKER));
    new RecordingDecision(contacts, RAG, clock, FrontDoorMetrics.NONE)
        .record("r1", MashOutcome.EARLY_HELP, 2, "Family agree.", null, new Staff("mgr-1", Role.MASH_MANAGER));

    Contacts.Queue after = queue(null, null, 0, 10);
    assertThat(ids(after.contacts())).containsExactly("r2");
    assertThat(after.total()).isEqualTo(1);
    assertThat(listings("r1")).isZero();
    assertThat(database.getCollection(QueueSheets.COLLECTION).countDocuments())
        .as("the emptied sheets are gone: r2's sheet and the tally remain").isEqualTo(2);
    Document tally = database.getCollection(QueueSheets.COLLECTION).find(new Document("_id", "tally")).first();
    assertThat(tally.values().stream().filter(Document.class::isInstance)
        .flatMap(series -> ((Document) series).values().stream()).map(n -> ((Number) n).longValue()))
        .as("minutes counted down to 0 leave the tally once read").containsExactly(1L);
  }

  @Test
  void a_redelivered_opening_is_listed_once() {
    Contact contact = open("r1", false, Lane.MASH, T0);

    assertThat(contacts.open(contact, List.of(), "evt-r1-again")).isEqualTo(Contacts.Write.CONFLICT);

    assertThat(queue(null, null, 0, 10).total()).isEqualTo(1);
    assertThat(listings("r1")).isEqualTo(1);
  }

  @Test
  void a_poll_opened_together_lists_each_once_beside_one_redelivered_and_counts_exactly() {
    Contact before = open("r1", false, Lane.MASH, T0);
    // Three received in the same second as r1 (so on r1's sheet), and one in another lane.
    List<Contacts.Opening> poll = new ArrayList<>();
    poll.add(new Contacts.Opening(before, List.of(), "evt-r1-again"));
    for (String id : List.of("r2", "r3", "r4")) {
      Contact contact = Contact.open(referral(id, false, Lane.MASH, T0), RAG, clock.instant());
      open.put(id, contact);
      poll.add(new Contacts.Opening(contact, List.of(), "evt-" + id));
    }
    Contact police = Contact.open(referral("r5", true, Lane.DOMESTIC_ABUSE, T0), RAG, clock.instant());
    open.put("r5", police);
    poll.add(new Contacts.Opening(police, List.of(), "evt-r5"));

    assertThat(contacts.openAll(poll)).containsExactly(Contacts.Write.CONFLICT, Contacts.Write.APPLIED,
        Contacts.Write.APPLIED, Contacts.Write.APPLIED, Contacts.Write.APPLIED);

    for (String id : List.of("r1", "r2", "r3", "r4", "r5")) {
      assertThat(listings(id)).as(id).isEqualTo(1);
    }
    Contacts.Queue all = queue(null, null, 0, 10);
    assertThat(ids(all.contacts())).containsExactlyElementsOf(ids(expected(null, null)));
    assertThat(all.total()).as("the tally counted r1 once").isEqualTo(5);
    assertThat(all.urgent()).isEqualTo(1);
    assertThat(contacts.openAll(poll)).as("the poll again").containsExactly(Contacts.Write.CONFLICT,
        Contacts.Write.ALREADY_HANDLED, Contacts.Write.ALREADY_HANDLED, Contacts.Write.ALREADY_HANDLED,
        Contacts.Write.ALREADY_HANDLED);
    assertThat(queue(null, null, 0, 10).total()).isEqualTo(5);
  }

  /** Counts one more in the tally for {@code contact}'s place: as if a listing's count-up was made twice. */
  void countTwice(Contact contact) {
    QueueSheets.Place place = QueueSheets.Place.of(contact);
    database.getCollection(QueueSheets.COLLECTION).updateOne(Filters.eq("_id", "tally"),
        Updates.inc(place.series() + "." + place.minute(), 1));
  }

  @Test
  void a_tally_counting_more_than_its_sheets_hold_is_set_right_once_it_has_stood_unchanged_past_settling() {
    Contact r1 = open("r1", false, Lane.MASH, T0.minus(Duration.ofHours(2)));
    open("r2", false, Lane.MASH, T0.minus(Duration.ofHours(1)));
    // As if r1's count-up went through, its push failed with the store away, and the retry counted it up again.
    countTwice(r1);
    assertThat(queue(null, null, 0, 10).total()).as("still young: a push may be on its way").isEqualTo(3);

    clock.advance(QueueSheets.SETTLING.minusSeconds(30));
    queue(null, null, 0, 10);
    assertThat(queue(null, null, 0, 10).total()).as("a reading before settling counts nothing off").isEqualTo(3);
    clock.advance(Duration.ofMinutes(1));
    queue(null, null, 0, 10); // unchanged since the first reading, past settling: counted off

    Contacts.Queue queue = queue(null, null, 0, 10);
    assertThat(queue.total()).isEqualTo(2);
    assertThat(ids(queue.contacts())).containsExactly("r1", "r2");
    assertThat(contacts.countOpen(due -> RAG.ragAt(due, clock.instant())).get(Lane.MASH).values().stream()
        .mapToLong(Long::longValue).sum()).isEqualTo(2);
  }

  /** {@code contact}'s listing pushed into its sheet alone, or pulled alone: one of a listing's two writes. */
  void pushListing(Contact contact, boolean push) {
    QueueSheets.Place place = QueueSheets.Place.of(contact);
    var sheet = Filters.eq("_id", place.sheet(contact.decisionDueBy()));
    database.getCollection(QueueSheets.COLLECTION).updateOne(sheet, push
        ? Updates.push("entries", new Document("id", contact.contactId())
            .append("due", java.util.Date.from(contact.decisionDueBy())).append("filedAt", java.util.Date.from(T0)))
        : Updates.pull("entries", new Document("id", contact.contactId())), new UpdateOptions().upsert(true));
  }

  long tallyOf(Contact contact) {
    QueueSheets.Place place = QueueSheets.Place.of(contact);
    Document tally = database.getCollection(QueueSheets.COLLECTION).find(Filters.eq("_id", "tally")).first();
    return tally.get(place.series(), Document.class).get(Long.toString(place.minute()), Number.class).longValue();
  }

  @Test
  void a_tally_below_its_sheets_is_counted_up_at_once() {
    Contact r1 = open("r1", false, Lane.MASH, T0.minus(Duration.ofHours(2)));
    open("r1b", false, Lane.MASH, T0.minus(Duration.ofHours(2)).plusSeconds(1));
    // As if an excess had been counted off while r1b's push was held up past settling, and the push then landed.
    database.getCollection(QueueSheets.COLLECTION).updateOne(Filters.eq("_id", "tally"),
        Updates.inc(QueueSheets.Place.of(r1).series() + "." + QueueSheets.Place.of(r1).minute(), -1));
    queue(null, null, 0, 10);

    assertThat(tallyOf(r1)).isEqualTo(2);
    assertThat(queue(null, null, 0, 10).total()).isEqualTo(2);
  }

  @Test
  void an_excess_is_left_while_a_push_may_be_on_its_way_and_forgotten_once_the_sheets_agree() {
    open("r1", false, Lane.MASH, T0.minus(Duration.ofHours(2)));
    Contact r9 = Contact.open(referral("r9", false, Lane.MASH, T0.minus(Duration.ofHours(2)).plusSeconds(1)), RAG, T0);
    countTwice(r9); // r9's count-up went through; its push is on its way
    assertThat(queue(null, null, 0, 10).total()).isEqualTo(2);

    clock.advance(QueueSheets.SETTLING.minusSeconds(30));
    pushListing(r9, true);
    assertThat(queue(null, null, 0, 10).total()).as("the tally and the sheets agree").isEqualTo(2);

    clock.advance(Duration.ofMinutes(1));
    // r9's listing pulled and its count-down on its way: the same counts and listings as the first reading.
    pushListing(r9, false);
    queue(null, null, 0, 10);
    assertThat(tallyOf(r9)).as("a new watch begins: the first one was forgotten when the two agreed").isEqualTo(2);
  }

  @Test
  void a_listing_whose_write_never_followed_is_skipped_and_removed_once_it_has_settled() {
    open("r1", false, Lane.MASH, T0.minus(Duration.ofHours(2)));
    // As if the process died after listing r9 and before writing its contact.
    new QueueSheets(database, database.getCollection(MongoContacts.COLLECTION), clock)
        .list(Contact.open(referral("r9", true, Lane.MASH, T0), RAG, T0));

    Contacts.Queue young = queue(null, null, 0, 10);
    assertThat(ids(young.contacts())).containsExactly("r1");
    assertThat(young.total()).as("counted until it settles: its write may be on its way").isEqualTo(2);
    assertThat(listings("r9")).isEqualTo(1);

    clock.advance(QueueSheets.SETTLING.plusSeconds(1));
    assertThat(ids(queue(null, null, 0, 10).contacts())).containsExactly("r1");
    assertThat(listings("r9")).isZero();
    assertThat(queue(null, null, 0, 10).total()).isEqualTo(1);
  }

  @Test
  void a_store_from_before_the_sheets_is_listed_once_at_start_up() {
    open("r1", false, Lane.MASH, T0.minus(Duration.ofHours(5)));
    open("r2", true, Lane.DOMESTIC_ABUSE, T0);
    open("r3", false, Lane.MASH, T0.minus(Duration.ofHours(20)));
    database.getCollection(QueueSheets.COLLECTION).drop();
    assertThat(queue(null, null, 0, 10).total()).isZero();

    start();
    start();

    Contacts.Queue all = queue(null, null, 0, 10);
    assertThat(ids(all.contacts())).containsExactlyElementsOf(ids(expected(null, null)));
    assertThat(all.total()).isEqualTo(3);
    assertThat(new ArrayList<>(List.of(listings("r1"), listings("r2"), listings("r3")))).containsOnly(1L);
  }
}
