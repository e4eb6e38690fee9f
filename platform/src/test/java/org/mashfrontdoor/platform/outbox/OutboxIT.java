package org.mashfrontdoor.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.outbox.OutboxedCollection.Write;
import org.mashfrontdoor.platform.testsupport.EmbeddedInfrastructure;
import org.mashfrontdoor.platform.testsupport.MutableClock;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;

@WithEmbeddedInfrastructure
@DisplayName("The transactional outbox, over the real embedded broker and store")
class OutboxIT {

  static MongoClient mongo;
  static KafkaProducer<String, String> producer;
  static KafkaConsumer<String, String> consumer;

  MongoDatabase database;
  OutboxRelay relay;
  OutboxedCollection contacts;
  OutboxPublisher publisher;
  String aggregateType;

  @BeforeAll
  static void connect() {
    EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.get();
    mongo = MongoClients.create(infrastructure.mongoUri());
    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        infrastructure.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer());
    consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        infrastructure.kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "outbox-it",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
  }

  @AfterAll
  static void disconnect() {
    consumer.close();
    producer.close();
    mongo.close();
  }

  @BeforeEach
  void freshOutbox() {
    database = mongo.getDatabase(EmbeddedInfrastructure.get().freshDatabaseName("OutboxIT"));
    relay = new OutboxRelay(database, Clock.systemUTC(), 100);
    // A topic of its own per test, so each test reads only what it published.
    aggregateType = "outboxtest" + UUID.randomUUID().toString().substring(0, 8);
    contacts = relay.register("contacts", aggregateType);
    publisher = new OutboxPublisher(relay.outbox(), producer, 100, Duration.ofSeconds(10),
        new SimpleMeterRegistry());
    consumer.unsubscribe();
    consumer.subscribe(List.of(Topics.forAggregateType(aggregateType)));
  }

  static EventEnvelope event(String referralId, String type) {
    return EventEnvelope.create("/test", type, referralId, Instant.now(), Map.of("referralId", referralId));
  }

  List<ConsumerRecord<String, String>> readAtLeast(int count) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      return records.size() >= count;
    });
    // Anything beyond `count` that is already on its way is read too, so duplicates cannot hide.
    consumer.poll(Duration.ofMillis(500)).forEach(records::add);
    return records;
  }

  @Test
  void state_and_events_are_written_together_then_published_in_order_with_key_and_headers() {
    EventEnvelope opened = event("ref-1", "triage.contact-opened.v1");
    EventEnvelope decided = event("ref-1", "triage.decision-recorded.v1");
    assertThat(contacts.insert(new Document("_id", "ref-1").append("status", "OPEN"), List.of(opened), null))
        .isEqualTo(Write.APPLIED);
    assertThat(contacts.update("ref-1", 1, Updates.set("status", "DECIDED"), List.of(decided), null))
        .isEqualTo(Write.APPLIED);
    assertThat(contacts.find("ref-1").orElseThrow().getList("pendingEvents", Document.class)).hasSize(2);

    relay.relayPending();
    assertThat(contacts.find("ref-1").orElseThrow().getList("pendingEvents", Document.class)).isEmpty();
    assertThat(publisher.publishBatch()).isEqualTo(2);

    List<ConsumerRecord<String, String>> records = readAtLeast(2);
    assertThat(records).extracting(ConsumerRecord::key).containsExactly("ref-1", "ref-1");
    assertThat(records).extracting(r -> EventJson.read(r.value()).id()).containsExactly(opened.id(), decided.id());
    assertThat(new String(records.get(1).headers().lastHeader("id").value(), StandardCharsets.UTF_8))
        .isEqualTo(decided.id());
    assertThat(new String(records.get(1).headers().lastHeader("type").value(), StandardCharsets.UTF_8))
        .isEqualTo("triage.decision-recorded.v1");
    assertThat(relay.outbox().countDocuments())
        .as("published records leave the outbox: no payload with personal data is kept once on the broker")
        .isZero();
  }

  @Test
  void in_kafka_mode_the_relay_sends_pending_events_straight_to_the_broker_in_order_and_copies_nothing() {
    relay.publishDirectly(publisher);
    EventEnvelope opened = event("ref-1", "triage.contact-opened.v1");
    EventEnvelope decided = event("ref-1", "triage.decision-recorded.v1");
    EventEnvelope other = event("ref-2", "triage.contact-opened.v1");
    contacts.insert(new Document("_id", "ref-1").append("status", "OPEN"), List.of(opened), null);
    contacts.update("ref-1", 1, Updates.set("status", "DECIDED"), List.of(decided), null);
    contacts.insert(new Document("_id", "ref-2").append("status", "OPEN"), List.of(other), null);

    assertThat(relay.relayPending()).isEqualTo(2);

    assertThat(contacts.find("ref-1").orElseThrow().getList("pendingEvents", Document.class)).isEmpty();
    assertThat(contacts.find("ref-2").orElseThrow().getList("pendingEvents", Document.class)).isEmpty();
    assertThat(relay.outbox().countDocuments()).as("no copy: the outbox collection is not written").isZero();
    List<ConsumerRecord<String, String>> records = readAtLeast(3);
    assertThat(records).extracting(r -> EventJson.read(r.value()).id())
        .containsExactlyInAnyOrder(opened.id(), decided.id(), other.id());
    assertThat(records).filteredOn(r -> r.key().equals("ref-1")).extracting(r -> EventJson.read(r.value()).id())
        .as("in order per key").containsExactly(opened.id(), decided.id());
    assertThat(new String(records.getFirst().headers().lastHeader(EventEnvelope.CONTENT_TYPE_HEADER).value(),
        StandardCharsets.UTF_8)).isEqualTo(EventEnvelope.STRUCTURED_JSON);
  }

  @Test
  void in_kafka_mode_events_the_broker_did_not_acknowledge_stay_in_their_aggregate_and_go_on_a_later_pass() {
    // A broker nobody listens on: every send times out unacknowledged.
    try (KafkaProducer<String, String> unreachable = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1", ProducerConfig.MAX_BLOCK_MS_CONFIG, 200,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 200),
        new StringSerializer(), new StringSerializer())) {
      relay.publishDirectly(new OutboxPublisher(relay.outbox(), unreachable, 100, Duration.ofMillis(500),
          new SimpleMeterRegistry()));
      relay.relayPending(); // its first sweep done, the next one 5 minutes away: only the write's name finds ref-3
      EventEnvelope opened = event("ref-3", "triage.contact-opened.v1");
      contacts.insert(new Document("_id", "ref-3").append("status", "OPEN"), List.of(opened), null);

      assertThatThrownBy(relay::relayPending).isInstanceOf(OutboxRelay.NotAcknowledged.class);
      assertThat(contacts.find("ref-3").orElseThrow().getList("pendingEvents", Document.class)).hasSize(1);

      relay.publishDirectly(publisher); // the broker is back
      assertThat(relay.relayPending()).as("the write's name was kept for the next pass").isEqualTo(1);
      assertThat(contacts.find("ref-3").orElseThrow().getList("pendingEvents", Document.class)).isEmpty();
      assertThat(readAtLeast(1)).extracting(r -> EventJson.read(r.value()).id()).containsExactly(opened.id());
    }
  }

  @Test
  void in_kafka_mode_writes_that_outrun_the_relay_are_held_in_memory_only_up_to_a_bound_and_the_rest_go_by_the_sweep() {
    OutboxRelay relay = new OutboxRelay(database, Clock.systemUTC(), 100, false, Duration.ofHours(1));
    OutboxedCollection referrals = relay.register("referrals", aggregateType);
    relay.publishDirectly(publisher);
    assertThat(relay.relayPending()).as("the first pass sweeps: nothing there yet").isZero();
    relay.holdAtMost(5);

    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      EventEnvelope received = event("ref-b" + i, "referral.received.v1");
      referrals.insert(new Document("_id", "ref-b" + i), List.of(received), null);
      ids.add(received.id());
    }
    assertThat(relay.named()).as("held in memory").isEqualTo(5);

    for (int pass = 0; pass < 10 && relay.relayPending() > 0; pass++) {
      // as OutboxLoop.drainOnce: the named ones by key, the rest by the sweep the bound asked for
    }
    assertThat(relay.named()).isZero();
    for (int i = 0; i < 12; i++) {
      assertThat(referrals.find("ref-b" + i).orElseThrow().getList("pendingEvents", Document.class))
          .as("ref-b%d emptied", i).isEmpty();
    }
    assertThat(readAtLeast(12)).extracting(r -> EventJson.read(r.value()).id()).containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void a_relay_killed_between_copying_and_removing_loses_nothing_and_duplicates_nothing() {
    EventEnvelope opened = event("ref-2", "triage.contact-opened.v1");
    contacts.insert(new Document("_id", "ref-2"), List.of(opened), null);
    Document aggregate = contacts.find("ref-2").orElseThrow();

    // The first relay copies to the outbox, then dies before removing the event from the aggregate.
    relay.copyToOutbox(aggregateType, aggregate.getList("pendingEvents", Document.class));

    // A new relay after the restart finds the event still pending and moves it again.
    OutboxRelay restarted = new OutboxRelay(database, Clock.systemUTC(), 100);
    restarted.register("contacts", aggregateType);
    assertThat(restarted.relayPending()).isEqualTo(1);

    assertThat(restarted.outbox().countDocuments(Filters.eq("_id", opened.id()))).isEqualTo(1);
    assertThat(contacts.find("ref-2").orElseThrow().getList("pendingEvents", Document.class)).isEmpty();
    assertThat(publisher.publishBatch()).isEqualTo(1);
    assertThat(readAtLeast(1)).extracting(ConsumerRecord::key).containsExactly("ref-2");
  }

  @Test
  void a_write_names_its_aggregate_so_the_relay_moves_its_events_by_key_between_sweeps() {
    OutboxRelay relay = new OutboxRelay(database, Clock.systemUTC(), 100, false, Duration.ofHours(1));
    OutboxedCollection referrals = relay.register("referrals", aggregateType);
    assertThat(relay.relayPending()).as("the first pass sweeps: nothing there yet").isZero();

    referrals.insert(new Document("_id", "ref-9"), List.of(event("ref-9", "referral.received.v1")), null);

    assertThat(relay.relayPending()).as("moved by its _id, an hour before the next sweep").isEqualTo(1);
    assertThat(referrals.find("ref-9").orElseThrow().getList("pendingEvents", Document.class)).isEmpty();
    assertThat(relay.relayPending()).as("named once, moved once").isZero();
  }

  @Test
  void events_no_write_named_to_this_relay_are_found_by_its_sweep() {
    OutboxRelay survivor = new OutboxRelay(database, Clock.systemUTC(), 100, false, Duration.ofHours(1));
    OutboxedCollection survivorsView = survivor.register("referrals", aggregateType);
    assertThat(survivor.relayPending()).isZero();
    // Another instance wrote this, then died before relaying it: the survivor was never told.
    OutboxRelay died = new OutboxRelay(database, Clock.systemUTC(), 100);
    died.register("referrals", aggregateType)
        .insert(new Document("_id", "ref-10"), List.of(event("ref-10", "referral.received.v1")), null);

    assertThat(survivor.relayPending()).as("not named, and no sweep due yet").isZero();
    OutboxRelay sweepingEveryPass = new OutboxRelay(database, Clock.systemUTC(), 100, false, Duration.ZERO);
    sweepingEveryPass.register("referrals", aggregateType);
    assertThat(sweepingEveryPass.relayPending()).isEqualTo(1);
    assertThat(survivorsView.find("ref-10").orElseThrow().getList("pendingEvents", Document.class)).isEmpty();
    assertThat(sweepingEveryPass.outbox().countDocuments(Filters.eq("aggregateid", "ref-10"))).isEqualTo(1);
  }

  @Test
  void a_publisher_that_dies_before_deleting_publishes_again_never_loses() {
    EventEnvelope opened = event("ref-3", "triage.contact-opened.v1");
    contacts.insert(new Document("_id", "ref-3"), List.of(opened), null);
    relay.relayPending();
    Document record = relay.outbox().find(Filters.eq("_id", opened.id())).first();
    publisher.publishBatch();
    // As if the process died after the broker's ack but before the delete was written.
    relay.outbox().insertOne(record);

    assertThat(publisher.publishBatch()).isEqualTo(1);

    List<ConsumerRecord<String, String>> records = readAtLeast(2);
    assertThat(records).extracting(r -> EventJson.read(r.value()).id()).containsExactly(opened.id(), opened.id());
  }

  @Test
  void records_that_earlier_versions_kept_after_publishing_are_purged_not_sent_again() {
    relay.outbox().insertOne(new Document("_id", "kept-by-an-earlier-version").append("aggregatetype", aggregateType)
        .append("aggregateid", "ref-7").append("type", "x").append("payload", "{}").append("sequence", 1L)
        .append("sentAt", new java.util.Date()));

    assertThat(publisher.purgePublished()).isEqualTo(1);
    assertThat(publisher.publishBatch()).isZero();
    assertThat(relay.outbox().countDocuments()).isZero();
  }

  @Test
  void in_debezium_mode_each_record_is_deleted_as_soon_as_it_is_inserted() {
    OutboxRelay debeziumMode = new OutboxRelay(database, Clock.systemUTC(), 100, true);
    OutboxedCollection referrals = debeziumMode.register("referrals", aggregateType);
    referrals.insert(new Document("_id", "ref-8"), List.of(event("ref-8", "referral.received.v1")), null);

    assertThat(debeziumMode.relayPending()).isEqualTo(1);

    assertThat(debeziumMode.outbox().countDocuments())
        .as("the change stream keeps the insert for Debezium; the store keeps no payload").isZero();
    assertThat(referrals.find("ref-8").orElseThrow().getList("pendingEvents", Document.class)).isEmpty();
  }

  @Test
  void a_consumed_event_applied_twice_changes_the_aggregate_once() {
    contacts.insert(new Document("_id", "ref-4").append("checks", 0), List.of(), "evt-open");
    EventEnvelope raised = event("ref-4", "triage.check-recorded.v1");

    assertThat(contacts.update("ref-4", 1, Updates.inc("checks", 1), List.of(raised), "evt-1"))
        .isEqualTo(Write.APPLIED);
    assertThat(contacts.update("ref-4", 2, Updates.inc("checks", 1), List.of(event("ref-4", "x")), "evt-1"))
        .isEqualTo(Write.ALREADY_HANDLED);

    Document after = contacts.find("ref-4").orElseThrow();
    assertThat(after.getInteger("checks")).isEqualTo(1);
    assertThat(after.getLong("version")).isEqualTo(2L);
    assertThat(after.getList("pendingEvents", Document.class)).hasSize(1);
  }

  @Test
  void a_second_insert_from_the_same_event_is_already_handled_and_from_another_is_a_conflict() {
    assertThat(contacts.insert(new Document("_id", "ref-5"), List.of(event("ref-5", "a")), "evt-5"))
        .isEqualTo(Write.APPLIED);
    assertThat(contacts.insert(new Document("_id", "ref-5"), List.of(event("ref-5", "a")), "evt-5"))
        .isEqualTo(Write.ALREADY_HANDLED);
    assertThat(contacts.insert(new Document("_id", "ref-5"), List.of(event("ref-5", "a")), "evt-other"))
        .isEqualTo(Write.CONFLICT);
    assertThat(contacts.find("ref-5").orElseThrow().getList("pendingEvents", Document.class)).hasSize(1);
  }

  @Test
  void many_inserted_in_one_write_are_answered_each_as_alone_and_named_to_the_relay_if_they_went_in() {
    OutboxRelay relay = new OutboxRelay(database, Clock.systemUTC(), 100, false, Duration.ofHours(1));
    OutboxedCollection referrals = relay.register("referrals", aggregateType);
    assertThat(relay.relayPending()).as("the first pass sweeps: nothing there yet").isZero();
    referrals.insert(new Document("_id", "ref-a"), List.of(event("ref-a", "a")), "evt-a");
    referrals.insert(new Document("_id", "ref-b"), List.of(event("ref-b", "b")), "evt-b");
    assertThat(relay.relayPending()).isEqualTo(2);

    assertThat(referrals.insertAll(List.of(
        new OutboxedCollection.Insert(new Document("_id", "ref-c"), List.of(event("ref-c", "c")), "evt-c"),
        new OutboxedCollection.Insert(new Document("_id", "ref-a"), List.of(event("ref-a", "a")), "evt-a"),
        new OutboxedCollection.Insert(new Document("_id", "ref-d"), List.of(), "evt-d"),
        new OutboxedCollection.Insert(new Document("_id", "ref-b"), List.of(event("ref-b", "b")), "evt-other"),
        new OutboxedCollection.Insert(new Document("_id", "ref-e"), List.of(event("ref-e", "e1"),
            event("ref-e", "e2")), null))))
        .containsExactly(Write.APPLIED, Write.ALREADY_HANDLED, Write.APPLIED, Write.CONFLICT, Write.APPLIED);

    assertThat(relay.relayPending()).as("only the aggregates that went in, by key, before the next sweep")
        .isEqualTo(2);
    assertThat(relay.outbox().countDocuments()).as("a and b before, then c's one event and e's two").isEqualTo(5);
    assertThat(referrals.find("ref-d").orElseThrow().getLong("version")).isEqualTo(1L);
    assertThat(referrals.find("ref-e").orElseThrow().getList("handledEventIds", String.class)).isEmpty();
    assertThat(referrals.insertAll(List.of())).isEmpty();
  }

  @Test
  void a_stale_version_is_a_conflict_and_writes_nothing() {
    contacts.insert(new Document("_id", "ref-6").append("status", "OPEN"), List.of(), null);
    contacts.update("ref-6", 1, Updates.set("status", "DECIDED"), List.of(), null);

    assertThat(contacts.update("ref-6", 1, Updates.set("status", "REOPENED"), List.of(event("ref-6", "y")), null))
        .isEqualTo(Write.CONFLICT);
    assertThat(contacts.find("ref-6").orElseThrow().getString("status")).isEqualTo("DECIDED");
    assertThat(contacts.update("missing", 1, Updates.set("status", "X"), List.of(), null)).isEqualTo(Write.NOT_FOUND);
  }

  // ---- pipeline health: the backlog gauges (docs/metrics.md) -------------------------------------------------

  /** A relay over this test's database on a clock the test moves, with its gauges in a registry of its own. */
  final class Backlog {
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final MeterRegistry meters = new SimpleMeterRegistry();
    final OutboxRelay relay = new OutboxRelay(database, clock, 100);
    final OutboxedCollection referrals = relay.register("referrals", aggregateType);

    Backlog(boolean countUnsent, Duration refresh) {
      OutboxBacklogGauges.register(meters, relay, countUnsent, clock, refresh);
    }

    double gauge(String name) {
      return meters.get(name).gauge().value();
    }

    EventEnvelope raise(String referralId) {
      return EventEnvelope.create("/test", "test.raised.v1", referralId, clock.instant(), Map.of("referralId", referralId));
    }
  }

  @Test
  void a_pending_event_shows_in_the_backlog_and_ages_until_it_is_published() {
    Backlog backlog = new Backlog(true, Duration.ZERO);
    assertThat(backlog.gauge(OutboxBacklogGauges.BACKLOG)).isZero();
    assertThat(backlog.gauge(OutboxBacklogGauges.OLDEST_PENDING_AGE)).isZero();

    backlog.referrals.insert(new Document("_id", "ref-7"), List.of(backlog.raise("ref-7"), backlog.raise("ref-7")), null);
    backlog.clock.advance(Duration.ofSeconds(90));
    assertThat(backlog.gauge(OutboxBacklogGauges.BACKLOG)).as("raised, still in the aggregate").isEqualTo(2);
    assertThat(backlog.gauge(OutboxBacklogGauges.OLDEST_PENDING_AGE)).isEqualTo(90);

    backlog.relay.relayPending();
    assertThat(backlog.gauge(OutboxBacklogGauges.BACKLOG)).as("relayed, not yet acknowledged by Kafka").isEqualTo(2);

    OutboxPublisher publishing = new OutboxPublisher(backlog.relay.outbox(), producer, 100,
        Duration.ofSeconds(30), backlog.meters);
    assertThat(publishing.publishBatch()).isEqualTo(2);
    assertThat(backlog.gauge(OutboxBacklogGauges.BACKLOG)).isZero();
    assertThat(backlog.gauge(OutboxBacklogGauges.OLDEST_PENDING_AGE)).isZero();
  }

  @Test
  void in_debezium_mode_only_events_still_in_aggregates_count_in_the_backlog() {
    Backlog backlog = new Backlog(false, Duration.ZERO);
    backlog.referrals.insert(new Document("_id", "ref-8"), List.of(backlog.raise("ref-8")), null);
    assertThat(backlog.gauge(OutboxBacklogGauges.BACKLOG)).isEqualTo(1);

    backlog.relay.relayPending();
    assertThat(backlog.gauge(OutboxBacklogGauges.BACKLOG)).as("the connector publishes from here").isZero();
  }

  @Test
  void the_backlog_reads_named_aggregates_by_key_and_counts_another_instances_events_once_a_sweep_moved_them() {
    Backlog backlog = new Backlog(true, Duration.ZERO);
    // Another instance of the service writes (and names the aggregate to its own relay only), then stops.
    OutboxRelay otherInstance = new OutboxRelay(database, backlog.clock, 100);
    otherInstance.register("referrals", aggregateType)
        .insert(new Document("_id", "ref-10"), List.of(backlog.raise("ref-10")), null);
    assertThat(backlog.gauge(OutboxBacklogGauges.BACKLOG)).as("not named here: no scan finds it").isZero();

    backlog.relay.relayPending(); // the first pass sweeps
    assertThat(backlog.gauge(OutboxBacklogGauges.BACKLOG)).as("swept into the outbox, not yet published").isEqualTo(1);
  }

  @Test
  void the_backlog_gauges_read_the_store_at_most_once_per_refresh_interval() {
    Backlog backlog = new Backlog(true, Duration.ofHours(1));
    assertThat(backlog.gauge(OutboxBacklogGauges.BACKLOG)).isZero();

    backlog.referrals.insert(new Document("_id", "ref-9"), List.of(backlog.raise("ref-9")), null);
    backlog.clock.advance(Duration.ofSeconds(30));
    assertThat(backlog.gauge(OutboxBacklogGauges.BACKLOG)).as("the cached snapshot").isZero();
  }
}
