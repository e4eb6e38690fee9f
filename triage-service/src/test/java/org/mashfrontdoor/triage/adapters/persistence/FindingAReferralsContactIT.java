package org.mashfrontdoor.triage.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mashfrontdoor.triage.application.OpeningContact.Result.ALREADY_HANDLED;
import static org.mashfrontdoor.triage.application.OpeningContact.Result.JOINED;
import static org.mashfrontdoor.triage.application.OpeningContact.Result.OPENED;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.triage.adapters.messaging.TriageEvents;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.mashfrontdoor.platform.outbox.OutboxedCollection;
import org.mashfrontdoor.platform.testsupport.MutableClock;
import org.mashfrontdoor.platform.testsupport.TestStore;
import org.mashfrontdoor.triage.application.FrontDoorMetrics;
import org.mashfrontdoor.triage.application.OpeningContact;
import org.mashfrontdoor.triage.application.RecordingDecision;
import org.mashfrontdoor.triage.application.RecordingRecommendation;
import org.mashfrontdoor.triage.application.Referrals;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.platform.codes.MashOutcome;
import org.mashfrontdoor.triage.domain.Role;
import org.mashfrontdoor.triage.domain.Staff;
import org.mashfrontdoor.triage.domain.RagPolicy;
import org.mashfrontdoor.triage.domain.ReceivedReferrals;
import org.mashfrontdoor.triage.domain.Referral;
import org.mashfrontdoor.triage.domain.ReferralDetails;
import org.mashfrontdoor.platform.codes.ReferralType;

/**
 * A referral's contact is found by key lookups alone (the contact's {@code _id}, or the referral's filing in
 * {@code joinedReferrals}), and the contact stays the truth: a filing without its join finds nothing.
 */
@DisplayName("Finding a referral's contact by key")
class FindingAReferralsContactIT {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final RagPolicy RAG = new RagPolicy(Duration.ofHours(8), Duration.ofHours(2));

  TestStore store;
  MongoDatabase database;
  MongoContacts contacts;
  OpeningContact opening;
  final MutableClock clock = new MutableClock(T0);

  /** The embedded stand-in; {@link FindingAReferralsContactOnRealMongoIT} runs the same scenarios on a real MongoDB. */
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
    opening = new OpeningContact(contacts, new MongoReferrals(database), RAG, clock, FrontDoorMetrics.NONE);
  }

  @AfterEach
  void close() {
    store.close();
  }

  OpeningContact.Result receive(String id, String... linkedTo) {
    return opening.openAll(List.of(received(id, linkedTo))).getFirst();
  }

  OpeningContact.Received received(String id, String... linkedTo) {
    Referral referral = ReceivedReferrals.dueWithin24Hours(id, "MARF-2026-" + id, ReferralType.MARF, "SCHOOL",
        "Bishop's Oak Primary", clock.instant(), false, null, List.of(), linkedTo.length > 0, List.of(linkedTo));
    return new OpeningContact.Received(referral, new ReferralDetails(id, null, null, List.of(), null, null, null, null),
        "evt-" + id);
  }

  /** The types of the events each contact raised, by contact. */
  Map<String, List<String>> raised() {
    Map<String, List<String>> raised = new TreeMap<>();
    for (Document contact : database.getCollection(MongoContacts.COLLECTION).find()) {
      raised.put(contact.getString("_id"), contact.getList(OutboxedCollection.PENDING_EVENTS, Document.class)
          .stream().map(e -> e.getString("type")).toList());
    }
    return raised;
  }

  @Test
  void a_poll_is_opened_as_one_at_a_time_would_be_and_a_linked_referral_joins_a_contact_opened_earlier_in_it() {
    receive("r0");

    assertThat(opening.openAll(List.of(received("r1"), received("r0"), received("r2"), received("r2"),
        received("r3", "r1"), received("r4"), received("r3", "r1"))))
        .containsExactly(OPENED, ALREADY_HANDLED, OPENED, ALREADY_HANDLED, JOINED, OPENED, ALREADY_HANDLED);

    assertThat(contacts.find("r3")).map(Contact::contactId).contains("r1");
    assertThat(raised()).containsOnlyKeys("r0", "r1", "r2", "r4")
        .containsEntry("r1", List.of("triage.contact-opened.v1", "triage.referral-joined.v1"))
        .containsEntry("r2", List.of("triage.contact-opened.v1"))
        .containsEntry("r4", List.of("triage.contact-opened.v1"));
    assertThat(database.getCollection(MongoReferrals.COLLECTION).countDocuments()).as("details kept once each")
        .isEqualTo(5);
    Set<String> filed = new TreeSet<>();
    database.getCollection(MongoContacts.ALARMS).find()
        .forEach(second -> filed.addAll(second.getList("ids", String.class, List.of()))); // and the marker: none
    assertThat(filed).as("each contact's alarm filed").containsExactly("r0", "r1", "r2", "r4");
  }

  @Test
  void a_poll_delivered_again_changes_nothing() {
    List<OpeningContact.Received> poll = List.of(received("r1"), received("r2"), received("r3", "r1"));
    assertThat(opening.openAll(poll)).containsExactly(OPENED, OPENED, JOINED);
    Map<String, List<String>> raised = raised();

    assertThat(opening.openAll(poll)).containsOnly(ALREADY_HANDLED);
    assertThat(raised()).isEqualTo(raised);
  }

  @Test
  void a_poll_of_referrals_naming_no_link_is_answered_from_the_contacts_alone() {
    receive("r1");
    List<String> readFrom = new CopyOnWriteArrayList<>();
    CommandListener reads = new CommandListener() {
      @Override
      public void commandStarted(CommandStartedEvent event) {
        if (event.getCommandName().equals("find")) {
          readFrom.add(event.getCommand().getString("find").getValue());
        }
      }
    };
    try (MongoClient listened = MongoClients.create(MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(store.uri())).addCommandListener(reads).build())) {
      MongoDatabase same = listened.getDatabase(database.getName());
      OpeningContact watched = new OpeningContact(new MongoContacts(new OutboxRelay(same, clock, 100), clock,
          new TriageEvents()), new MongoReferrals(same), RAG, clock, FrontDoorMetrics.NONE);
      readFrom.clear(); // what starting up read

      assertThat(watched.openAll(List.of(received("r1"), received("r2"))))
          .as("a redelivery found on its contact, a new one opened").containsExactly(ALREADY_HANDLED, OPENED);
      assertThat(readFrom).as("joins are read only for a linked referral").doesNotContain(MongoContacts.JOINED);

      assertThat(watched.openAll(List.of(received("r3", "r1")))).containsExactly(JOINED);
      assertThat(readFrom).contains(MongoContacts.JOINED);
    }
  }

  @Test
  void no_contact_is_written_when_the_details_could_not_be_kept() {
    IllegalStateException storeAway = new IllegalStateException("store away");
    OpeningContact keepingFails = new OpeningContact(contacts, new Referrals() {
      @Override
      public void keepAll(List<ReferralDetails> details) {
        throw storeAway;
      }

      @Override
      public Optional<ReferralDetails> details(String referralId) {
        return Optional.empty();
      }
    }, RAG, clock, FrontDoorMetrics.NONE);

    assertThatThrownBy(() -> keepingFails.openAll(List.of(received("r1"), received("r2"))))
        .as("the fault reaches the listener, which waits it out").isSameAs(storeAway);
    assertThat(database.getCollection(MongoContacts.COLLECTION).countDocuments()).isZero();
  }

  @Test
  void the_opening_referral_and_each_joined_referral_find_the_same_contact() {
    assertThat(receive("r1")).isEqualTo(OpeningContact.Result.OPENED);
    assertThat(receive("r2", "r1")).isEqualTo(OpeningContact.Result.JOINED);
    assertThat(receive("r3", "r2")).as("linked to a joined referral: found through its filing")
        .isEqualTo(OpeningContact.Result.JOINED);

    assertThat(contacts.find("r1")).map(Contact::contactId).contains("r1");
    assertThat(contacts.find("r2")).map(Contact::contactId).contains("r1");
    assertThat(contacts.find("r3")).map(Contact::contactId).contains("r1");
    assertThat(contacts.find("r3").orElseThrow().referralIds()).containsExactlyInAnyOrder("r1", "r2", "r3");
    assertThat(contacts.find("r4")).isEmpty();
    assertThat(receive("r2", "r1")).as("a redelivery").isEqualTo(OpeningContact.Result.ALREADY_HANDLED);
  }

  @Test
  void a_filing_whose_join_was_never_written_finds_nothing() {
    receive("r1");
    // As if the process died after filing r9's join and before the contact's write.
    database.getCollection(MongoContacts.JOINED).insertOne(new Document("_id", "r9").append("contactId", "r1"));

    assertThat(contacts.find("r9")).isEmpty();
    assertThat(receive("r9", "r1")).as("its redelivery joins for real").isEqualTo(OpeningContact.Result.JOINED);
    assertThat(contacts.find("r9")).map(Contact::contactId).contains("r1");
  }

  @Test
  void only_an_open_contact_takes_a_linked_referral() {
    receive("r1");
    new RecordingRecommendation(contacts, RAG, clock)
        .recommend("r1", MashOutcome.EARLY_HELP, 2, "Family agree.", null, new Staff("sw-1", Role.MASH_SOCIAL_WORKER));
    new RecordingDecision(contacts, RAG, clock, FrontDoorMetrics.NONE)
        .record("r1", MashOutcome.EARLY_HELP, 2, "Family agree.", null, new Staff("mgr-1", Role.MASH_MANAGER));

    assertThat(contacts.findOpenHolding(List.of("r1"))).isEmpty();
    assertThat(receive("r2", "r1")).isEqualTo(OpeningContact.Result.OPENED);
  }

  @Test
  void a_store_from_before_the_filings_is_filed_once_at_start_up() {
    receive("r1");
    receive("r2", "r1");
    database.getCollection(MongoContacts.JOINED).drop();
    assertThat(contacts.find("r2")).isEmpty();

    start();

    assertThat(contacts.find("r2")).map(Contact::contactId).contains("r1");
  }

  @Test
  void the_contacts_are_scanned_for_earlier_joins_at_one_start_only() {
    receive("r1");
    receive("r2", "r1");
    database.getCollection(MongoContacts.JOINED).deleteOne(new Document("_id", "r2"));

    start();

    // The filing was marked done at the first start, so this start did not scan the contacts for r2's join.
    assertThat(database.getCollection(MongoContacts.JOINED).find(new Document("_id", "r2")).first()).isNull();
    assertThat(database.getCollection(MongoContacts.JOINED)
        .find(new Document("_id", MongoContacts.EARLIER_JOINS_FILED)).first()).isNotNull();
  }
}
