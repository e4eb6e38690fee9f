package org.mashfrontdoor.platform.debezium;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import de.bwaldvogel.mongo.MongoServer;
import io.debezium.config.CommonConnectorConfig;
import io.debezium.config.Configuration;
import io.debezium.connector.mongodb.CollectionId;
import io.debezium.connector.mongodb.MongoDbCollectionSchema;
import io.debezium.connector.mongodb.MongoDbConnectorConfig;
import io.debezium.connector.mongodb.MongoDbOffsetContext;
import io.debezium.connector.mongodb.MongoDbPartition;
import io.debezium.connector.mongodb.MongoDbSchema;
import io.debezium.connector.mongodb.MongoDbTaskContext;
import io.debezium.connector.mongodb.recordemitter.MongoDbChangeRecordEmitter;
import io.debezium.connector.mongodb.transforms.outbox.MongoEventRouter;
import io.debezium.spi.topic.TopicNamingStrategy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.transforms.Transformation;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.mashfrontdoor.platform.outbox.OutboxedCollection;
import org.mashfrontdoor.platform.testsupport.PinnedIdMemoryBackend;

/**
 * Proves that Debezium's MongoDB connector plus its outbox event router, configured exactly as in
 * {@code deploy/debezium/outbox-connector.json}, turn an outbox record written by our {@link OutboxRelay} into
 * the same Kafka record our in-process {@code OutboxPublisher} sends: topic {@code mash.<aggregatetype>.events},
 * key = referral id, value = the CloudEvent JSON unchanged, headers {@code id} and {@code type}.
 *
 * <p>The change event is not hand-made: Debezium's own {@link MongoDbChangeRecordEmitter} and {@link MongoDbSchema}
 * build it from a change-stream insert event carrying the document as our relay stored it, so a drift in our
 * field names, in their types, or in Debezium's envelope fails this test.
 */
class MongoEventRouterFormatIT {

  private static final Instant NOW = Instant.parse("2026-03-02T09:15:00Z");
  private static final String DATABASE = "referral_intake";

  private static MongoServer server;
  private static MongoClient client;

  private MongoDatabase database;
  private OutboxConnectorConfig connector;

  @BeforeAll
  static void startStore() {
    server = new MongoServer(new PinnedIdMemoryBackend());
    server.bind("127.0.0.1", 0);
    client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
  }

  @AfterAll
  static void stopStore() {
    client.close();
    server.shutdownNow();
  }

  @BeforeEach
  void freshDatabase() {
    database = client.getDatabase(DATABASE);
    database.drop();
    connector = OutboxConnectorConfig.load();
  }

  @Test
  @DisplayName("Debezium publishes a relayed referral.received.v1 event exactly as our outbox publisher does")
  void debeziumPublishesTheSameRecordAsOurPublisher() throws Exception {
    EventEnvelope event = referralReceived("7d3f5c1e-2a4b-4c8d-9e0f-112233445566");
    BsonDocument stored = relayThroughOurOutbox(event);

    SourceRecord routed = route(changeEventFromDebeziumConnector(stored));

    assertThat(routed).as("the router dropped the insert").isNotNull();
    assertThat(routed.topic())
        .isEqualTo("mash.referral.events")
        .isEqualTo(Topics.forAggregateType("referral"))
        .isEqualTo(Topics.REFERRAL_EVENTS);

    // What Kafka Connect writes, through the converters the deployed config names.
    byte[] key = converter("key.converter", true).fromConnectData(routed.topic(), routed.keySchema(), routed.key());
    byte[] value = converter("value.converter", false)
        .fromConnectData(routed.topic(), routed.valueSchema(), routed.value());
    assertThat(new String(key, StandardCharsets.UTF_8)).isEqualTo(event.subject());
    String payload = new String(value, StandardCharsets.UTF_8);
    assertThat(payload).isEqualTo(EventJson.write(event));
    assertThat(EventJson.read(payload)).isEqualTo(event);

    assertThat(headerValues(routed, "id")).containsExactly(event.id());
    assertThat(headerValues(routed, "type")).containsExactly("referral.received.v1");
    assertThat(headerValues(routed, EventEnvelope.CONTENT_TYPE_HEADER))
        .as("CloudEvents structured mode, as OutboxPublisher writes it (ADR 0013)")
        .containsExactly(EventEnvelope.STRUCTURED_JSON);
  }

  @Test
  @DisplayName("each event about a referral keeps its own id header and the referral id as key")
  void everyEventCarriesItsOwnIdAndTheReferralAsKey() throws Exception {
    String referralId = "0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5";
    EventEnvelope first = referralReceived(referralId);
    EventEnvelope second = referralReceived(referralId);

    SourceRecord routedFirst = route(changeEventFromDebeziumConnector(relayThroughOurOutbox(first)));
    SourceRecord routedSecond = route(changeEventFromDebeziumConnector(relayThroughOurOutbox(second)));

    assertThat(routedFirst.key()).isEqualTo(referralId);
    assertThat(routedSecond.key()).isEqualTo(referralId);
    assertThat(headerValues(routedFirst, "id")).containsExactly(first.id());
    assertThat(headerValues(routedSecond, "id")).containsExactly(second.id());
  }

  @Test
  @DisplayName("every router option in the deployed config is one Debezium 3.6's MongoEventRouter defines")
  void deployedRouterOptionsAreKnownToDebezium() {
    try (MongoEventRouter<SourceRecord> router = new MongoEventRouter<>()) {
      assertThat(router.config().names()).containsAll(connector.routerSettings().keySet());
    }
    assertThat(connector.routerSettings())
        .containsEntry("route.topic.replacement", "mash.${routedByValue}.events")
        .containsEntry("collection.fields.additional.placement", "type:header:type");
  }

  @Test
  @DisplayName("the deployed connector captures the outbox of every service that publishes events")
  void deployedConnectorCapturesEveryProducingServicesOutbox() {
    assertThat(connector.config().get("collection.include.list").split(","))
        .containsExactlyInAnyOrder("referral_intake\\.outbox", "triage\\.outbox", "cases\\.outbox");
    assertThat(connector.config().get("mongodb.connection.string")).startsWith("${env:");
  }

  // --- our side: the real outbox code writes the record ---

  private BsonDocument relayThroughOurOutbox(EventEnvelope event) {
    OutboxRelay relay = new OutboxRelay(database, Clock.fixed(NOW, ZoneOffset.UTC), 100);
    OutboxedCollection referrals = relay.register("referrals", "referral");
    // One aggregate per event keeps the tests independent of the relay's batching.
    Document state = new Document("_id", "aggregate-" + event.id()).append("referralId", event.subject());
    assertThat(referrals.insert(state, List.of(event), null)).isEqualTo(OutboxedCollection.Write.APPLIED);
    assertThat(relay.relayPending()).isEqualTo(1);
    // Read back as BSON, as a change stream delivers it: types (Date, Int64, null) as stored.
    BsonDocument stored = database.getCollection(OutboxRelay.OUTBOX, BsonDocument.class)
        .find(Filters.eq("_id", event.id())).first();
    assertThat(stored).as("outbox record for event %s", event.id()).isNotNull();
    return stored;
  }

  private static EventEnvelope referralReceived(String referralId) {
    return EventEnvelope.create("/mash/referral-intake", "referral.received.v1", referralId, NOW,
        Map.of("referralId", referralId, "reference", "MASH-000123", "referralType", "MARF",
            "receivedAt", NOW.toString()));
  }

  // --- Debezium's side: its connector code builds the change event, its SMT routes it ---

  /** The source record Debezium's MongoDB connector emits for this insert into {@code <db>.outbox}. */
  private SourceRecord changeEventFromDebeziumConnector(BsonDocument outboxRecord) throws InterruptedException {
    Map<String, String> settings = new HashMap<>(connector.config());
    // Resolved by Kafka Connect's config provider in production; never contacted here.
    settings.put("mongodb.connection.string", "mongodb://mongo:27017/?replicaSet=rs0");
    Configuration configuration = Configuration.from(settings);
    MongoDbConnectorConfig connectorConfig = new MongoDbConnectorConfig(configuration);
    MongoDbTaskContext taskContext = new MongoDbTaskContext(configuration);
    @SuppressWarnings("unchecked")
    TopicNamingStrategy<CollectionId> topics =
        connectorConfig.getTopicNamingStrategy(CommonConnectorConfig.TOPIC_NAMING_STRATEGY);
    MongoDbSchema schemas = new MongoDbSchema(connectorConfig, taskContext, topics,
        connectorConfig.getSourceInfoStructMaker().schema(), connectorConfig.schemaNameAdjuster());

    ChangeStreamDocument<BsonDocument> insert = insertEvent(outboxRecord);
    MongoDbPartition partition = new MongoDbPartition(connectorConfig.getLogicalName());
    MongoDbOffsetContext offset = MongoDbOffsetContext.empty(connectorConfig);
    offset.changeStreamEvent(insert); // what the streaming source does before emitting
    CollectionId collection = new CollectionId(DATABASE, OutboxRelay.OUTBOX);
    MongoDbCollectionSchema schema = (MongoDbCollectionSchema) schemas.schemaFor(collection);

    List<SourceRecord> emitted = new ArrayList<>();
    new MongoDbChangeRecordEmitter(partition, offset, io.debezium.util.Clock.system(), insert, connectorConfig)
        .emitChangeRecords(schema, (p, s, operation, key, value, o, headers) -> emitted.add(new SourceRecord(
            p.getSourcePartition(), o.getOffset(), topics.dataChangeTopic(collection),
            null, schema.keySchema(), key, schema.valueSchema(), value, null, headers)));
    assertThat(emitted).hasSize(1);
    SourceRecord changeEvent = emitted.getFirst();
    assertThat(((org.apache.kafka.connect.data.Struct) changeEvent.value()).getString("op")).isEqualTo("c");
    return changeEvent;
  }

  /** A change-stream insert event as the server sends it, decoded by the driver's own codec. */
  private static ChangeStreamDocument<BsonDocument> insertEvent(BsonDocument fullDocument) {
    BsonDocument wire = new BsonDocument()
        .append("_id", new BsonDocument("_data", new BsonString("8267C4" + UUID.randomUUID().toString()
            .replace("-", "").toUpperCase())))
        .append("operationType", new BsonString("insert"))
        .append("clusterTime", new BsonTimestamp((int) NOW.getEpochSecond(), 1))
        .append("wallTime", new BsonDateTime(NOW.toEpochMilli()))
        .append("ns", new BsonDocument("db", new BsonString(DATABASE))
            .append("coll", new BsonString(OutboxRelay.OUTBOX)))
        .append("documentKey", new BsonDocument("_id", fullDocument.get("_id")))
        .append("fullDocument", fullDocument);
    return ChangeStreamDocument.createCodec(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry())
        .decode(new BsonDocumentReader(wire), DecoderContext.builder().build());
  }

  /** The deployed transform chain, in order: the outbox router, then whatever follows it. */
  @SuppressWarnings("unchecked")
  private SourceRecord route(SourceRecord changeEvent) throws ReflectiveOperationException {
    SourceRecord record = changeEvent;
    for (OutboxConnectorConfig.Transform step : connector.transforms()) {
      try (Transformation<SourceRecord> transform = (Transformation<SourceRecord>) Class.forName(step.type())
          .getDeclaredConstructor().newInstance()) {
        transform.configure(step.settings());
        record = record == null ? null : transform.apply(record);
      }
    }
    return record;
  }

  private Converter converter(String setting, boolean isKey) throws ReflectiveOperationException {
    Converter converter = (Converter) Class.forName(connector.config().get(setting))
        .getDeclaredConstructor().newInstance();
    converter.configure(Map.of(), isKey);
    return converter;
  }

  private List<String> headerValues(SourceRecord record, String name) throws ReflectiveOperationException {
    HeaderConverter converter = (HeaderConverter) Class.forName(connector.config().get("header.converter"))
        .getDeclaredConstructor().newInstance();
    converter.configure(Map.of());
    List<String> values = new ArrayList<>();
    for (java.util.Iterator<Header> it = record.headers().allWithName(name); it.hasNext(); ) {
      Header header = it.next();
      byte[] bytes = converter.fromConnectHeader(record.topic(), header.key(), header.schema(), header.value());
      values.add(new String(bytes, StandardCharsets.UTF_8));
    }
    return values;
  }
}
