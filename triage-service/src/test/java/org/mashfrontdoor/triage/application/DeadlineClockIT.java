package org.mashfrontdoor.triage.application;

import org.mashfrontdoor.triage.adapters.messaging.TriageEvents;
import org.mashfrontdoor.platform.codes.MashOutcome;
import org.mashfrontdoor.platform.codes.ReferralType;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.mashfrontdoor.platform.outbox.OutboxedCollection;
import org.mashfrontdoor.platform.testsupport.MutableClock;
import org.mashfrontdoor.platform.testsupport.TestStore;
import org.mashfrontdoor.triage.adapters.persistence.MongoContacts;
import org.mashfrontdoor.triage.adapters.persistence.MongoRagReports;
import org.mashfrontdoor.triage.adapters.persistence.MongoReferrals;
import org.mashfrontdoor.triage.domain.RagReportSchedule;
import java.time.LocalTime;
import java.time.ZoneId;
import org.mashfrontdoor.triage.domain.Rag;
import org.mashfrontdoor.triage.domain.RagPolicy;
import org.mashfrontdoor.triage.domain.ReceivedReferrals;
import org.mashfrontdoor.triage.domain.Referral;
import org.mashfrontdoor.triage.domain.ReferralDetails;
import org.mashfrontdoor.triage.domain.Role;
import org.mashfrontdoor.triage.domain.Staff;

/**
 * The deadline clock over the real store (mongo-java-server, no Spring): every RAG change is announced exactly
 * once, through a restart and with two instances polling the same contacts at once.
 */
@DisplayName("The deadline clock")
class DeadlineClockIT {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final RagPolicy RAG = new RagPolicy(Duration.ofHours(8), Duration.ofHours(2));
  static final Staff WORKER = new Staff("sw-1", Role.MASH_SOCIAL_WORKER);
  static final Staff MANAGER = new Staff("mgr-1", Role.MASH_MANAGER);

  TestStore store;
  MongoDatabase database;
  final MutableClock clock = new MutableClock(T0);

  /** One running instance of the service's deadline machinery. */
  record Instance(MongoContacts contacts, OpeningContact opening, FiringDeadlines firing, RecordingDecision deciding,
      RecordingRecommendation recommending) {
  }

  Instance startInstance(int batchSize) {
    MongoContacts contacts = new MongoContacts(new OutboxRelay(database, clock, 100), clock, new TriageEvents());
    return new Instance(contacts,
        new OpeningContact(contacts, new MongoReferrals(database), RAG, clock, FrontDoorMetrics.NONE),
        new FiringDeadlines(contacts, RAG, clock, batchSize, FrontDoorMetrics.NONE),
        new RecordingDecision(contacts, RAG, clock, FrontDoorMetrics.NONE),
        new RecordingRecommendation(contacts, RAG, clock));
  }

  /** The embedded stand-in; {@link DeadlineClockOnRealMongoIT} runs the same scenarios on a real MongoDB. */
  TestStore openStore() {
    return TestStore.embedded();
  }

  @BeforeEach
  void store() {
    store = openStore();
    database = store.database("triage");
  }

  @AfterEach
  void close() {
    store.close();
  }

  static Referral referral(String id, Instant receivedAt) {
    return ReceivedReferrals.dueWithin24Hours(id, "MARF-2026-" + id, ReferralType.MARF, "SCHOOL",
        "Bishop's Oak Primary", receivedAt, false, null, List.of(), false, List.of());
  }

  /** What a referral told the MASH: nothing the clock needs. */
  static ReferralDetails details(String id) {
    return new ReferralDetails(id, null, null, List.of(), null, null, null, null);
  }

  /** The events written with the contact, in order, as "type:rag". Nothing relays them here, so all are kept. */
  List<String> events(String contactId) {
    Document doc = database.getCollection(MongoContacts.COLLECTION).find(new Document("_id", contactId)).first();
    List<String> events = new ArrayList<>();
    for (Document pending : doc.getList(OutboxedCollection.PENDING_EVENTS, Document.class)) {
      String payload = pending.getString("payload");
      String rag = payload.replaceAll(".*\"rag\":\"([A-Z]+)\".*", "$1");
      events.add(pending.getString("type").replace("triage.", "").replace(".v1", "")
          + (payload.contains("\"rag\"") ? ":" + rag : ""));
    }
    return events;
  }

  @Test
  void announces_amber_red_and_breach_each_at_its_boundary_and_never_before() {
    Instance instance = startInstance(100);
    instance.opening().open(referral("r1", T0), details("r1"), "e1");
    Instant due = T0.plus(Duration.ofHours(24));

    clock.set(due.minus(Duration.ofHours(8)).minusMillis(1));
    assertThat(instance.firing().fireDue()).isZero();
    clock.set(due.minus(Duration.ofHours(8)));
    assertThat(instance.firing().fireDue()).isEqualTo(1);
    assertThat(events("r1")).containsExactly("contact-opened:GREEN", "deadline-approaching:AMBER");

    clock.set(due.minus(Duration.ofHours(2)).minusMillis(1));
    assertThat(instance.firing().fireDue()).isZero();
    clock.set(due.minus(Duration.ofHours(2)));
    assertThat(instance.firing().fireDue()).isEqualTo(1);

    clock.set(due);
    assertThat(instance.firing().fireDue()).as("on the deadline itself it is still RED").isZero();
    clock.set(due.plusMillis(1));
    assertThat(instance.firing().fireDue()).isEqualTo(1);
    clock.advance(Duration.ofDays(3));
    assertThat(instance.firing().fireDue()).isZero();

    assertThat(events("r1")).containsExactly("contact-opened:GREEN", "deadline-approaching:AMBER",
        "deadline-approaching:RED", "deadline-breached:BREACHED");
  }

  @Test
  void fires_each_event_once_across_a_restart() {
    Instance first = startInstance(100);
    first.opening().open(referral("r1", T0), details("r1"), "e1");
    clock.set(T0.plus(Duration.ofHours(17)));
    assertThat(first.firing().fireDue()).isEqualTo(1);

    Instance afterRestart = startInstance(100);
    assertThat(afterRestart.firing().fireDue()).as("AMBER was announced before the restart").isZero();
    clock.set(T0.plus(Duration.ofHours(23)));
    assertThat(afterRestart.firing().fireDue()).isEqualTo(1);
    Instance afterSecondRestart = startInstance(100);
    clock.set(T0.plus(Duration.ofHours(25)));
    assertThat(afterSecondRestart.firing().fireDue()).isEqualTo(1);
    assertThat(startInstance(100).firing().fireDue()).isZero();

    assertThat(events("r1")).containsExactly("contact-opened:GREEN", "deadline-approaching:AMBER",
        "deadline-approaching:RED", "deadline-breached:BREACHED");
  }

  @Test
  void after_an_outage_announces_only_the_rag_reached_not_stale_warnings() {
    Instance instance = startInstance(100);
    instance.opening().open(referral("r1", T0), details("r1"), "e1");
    clock.set(T0.plus(Duration.ofHours(30)));
    assertThat(instance.firing().fireDue()).isEqualTo(1);
    assertThat(events("r1")).containsExactly("contact-opened:GREEN", "deadline-breached:BREACHED");
  }

  @Test
  void stops_once_decided_and_a_late_decision_is_recorded_as_late() {
    Instance instance = startInstance(100);
    instance.opening().open(referral("r1", T0), details("r1"), "e1");
    instance.opening().open(referral("r2", T0), details("r2"), "e2");
    instance.recommending().recommend("r1", MashOutcome.EARLY_HELP, 2, "Family agree.", null, WORKER);
    clock.set(T0.plus(Duration.ofHours(20)));
    instance.deciding().record("r1", MashOutcome.EARLY_HELP, 2, "Family agree.", null, MANAGER);
    clock.set(T0.plus(Duration.ofHours(30)));
    assertThat(instance.firing().fireDue()).as("only r2 is still on the clock").isEqualTo(1);
    assertThat(events("r1")).containsExactly("contact-opened:GREEN", "decision-recorded");

    instance.recommending().recommend("r2", MashOutcome.EARLY_HELP, 2, "Family agree.", null, WORKER);
    ContactView late = instance.deciding().record("r2", MashOutcome.EARLY_HELP, 2, "Family agree.", null,
        MANAGER);
    assertThat(late.contact().decision().onTime()).isFalse();
    assertThat(late.rag()).isEqualTo(Rag.BREACHED);
  }

  @Test
  void two_instances_polling_the_same_contacts_at_once_announce_each_change_exactly_once() throws Exception {
    Instance one = startInstance(7);
    Instance two = startInstance(7);
    int contacts = 60;
    for (int i = 0; i < contacts; i++) {
      // deadlines spread over an hour, so batches overlap and interleave
      one.opening().open(referral("r" + i, T0.plus(Duration.ofMinutes(i))), details("r" + i), "e" + i);
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (Duration at : List.of(Duration.ofHours(17), Duration.ofHours(23), Duration.ofHours(26))) {
        clock.set(T0.plus(at));
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (Instance instance : List.of(one, two)) {
          runs.add(pool.submit(() -> {
            start.await();
            int fired = 0;
            for (int pass = 0; pass < 3; pass++) {
              fired += instance.firing().fireDue();
            }
            return fired;
          }));
        }
        int total = runs.get(0).get() + runs.get(1).get();
        assertThat(total).as("events fired by both instances at %s", at).isEqualTo(contacts);
      }
    } finally {
      pool.shutdownNow();
    }
    for (int i = 0; i < contacts; i++) {
      assertThat(events("r" + i)).containsExactly("contact-opened:GREEN", "deadline-approaching:AMBER",
          "deadline-approaching:RED", "deadline-breached:BREACHED");
    }
  }

  @Test
  void two_instances_issue_one_rag_report_per_slot() throws Exception {
    RagReportSchedule schedule = new RagReportSchedule(
        List.of(LocalTime.of(9, 0), LocalTime.of(13, 0), LocalTime.of(16, 0)), ZoneId.of("Europe/London"),
        Duration.ofHours(1));
    Instance one = startInstance(10);
    one.opening().open(referral("r1", T0), details("r1"), "e1");
    List<ReportingRag> instances = List.of(
        new ReportingRag(one.contacts(), new MongoRagReports(new OutboxRelay(database, clock, 100),
            new TriageEvents()), schedule, RAG, clock),
        new ReportingRag(startInstance(10).contacts(), new MongoRagReports(new OutboxRelay(database, clock, 100),
            new TriageEvents()), schedule, RAG, clock));

    clock.set(Instant.parse("2026-03-02T08:59:59Z"));
    assertThat(instances.get(0).reportIfDue()).as("before the first slot of the day, yesterday's is too old").isEmpty();
    int issued = 0;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (String at : List.of("2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z", "2026-03-02T13:00:05Z")) {
        clock.set(Instant.parse(at));
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Boolean>> runs = new ArrayList<>();
        for (ReportingRag instance : instances) {
          runs.add(pool.submit(() -> {
            start.await();
            return instance.reportIfDue().isPresent();
          }));
        }
        for (Future<Boolean> run : runs) {
          issued += run.get() ? 1 : 0;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(issued).as("09:00 and 13:00, once each").isEqualTo(2);
    List<Document> reports = database.getCollection(MongoRagReports.COLLECTION).find().into(new ArrayList<>());
    assertThat(reports).extracting(d -> d.getString("_id"))
        .containsExactlyInAnyOrder("rag-report/2026-03-02T09:00", "rag-report/2026-03-02T13:00");
    assertThat(reports).allSatisfy(d -> {
      assertThat(d.getList(OutboxedCollection.PENDING_EVENTS, Document.class)).hasSize(1);
      assertThat(d.getList(OutboxedCollection.PENDING_EVENTS, Document.class).getFirst().getString("payload"))
          .contains("\"GREEN\":1");
    });
  }
}
