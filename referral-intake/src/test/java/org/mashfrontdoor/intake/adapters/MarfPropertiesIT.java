package org.mashfrontdoor.intake.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bson.Document;
import org.mashfrontdoor.intake.ReferralIntakeApplication;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.testsupport.EmbeddedInfrastructure;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * 10,000 generated and mutated MARFs thrown at the running API over HTTP: never a 5xx, and a referral is stored
 * exactly when the answer is 202 (so never from an invalid body).
 */
class MarfPropertiesIT {

  static ConfigurableApplicationContext intake;
  static MongoClient mongo;
  static MongoCollection<org.bson.Document> referrals;
  static String url;
  static final HttpClient http = HttpClient.newHttpClient();
  static final String POLICE = TestTokens.bearer(TestTokens.partner("west-mercia-police", "POLICE",
      "West Mercia Police", "referral:submit").mint());
  static final JsonNodeFactory nodes = JsonNodeFactory.instance;

  @BeforeContainer
  static void start() {
    EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.get();
    String database = infrastructure.freshDatabaseName("intake-properties");
    intake = ReferralIntakeApplication.application().run(
        "--server.port=0", "--server.address=127.0.0.1",
        "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
        "--spring.kafka.consumer.group-id=intake-properties-" + UUID.randomUUID(),
        "--spring.mongodb.uri=" + infrastructure.mongoUri(), "--spring.mongodb.database=" + database,
        "--spring.jmx.enabled=false", "--logging.level.root=WARN", TestTokens.publicKeyLocationArgument(),
        TestTokens.issuerArgument(), "--mash.profile=local",
        "--mash.intake.rate-limit.per-second=0"); // hundreds of tries from one partner: validation, not the allowance
    url = "http://127.0.0.1:" + intake.getEnvironment().getProperty("local.server.port") + "/api/v1/referrals";
    mongo = MongoClients.create(infrastructure.mongoUri());
    referrals = mongo.getDatabase(database).getCollection("referrals");
  }

  @AfterContainer
  static void stop() {
    mongo.close();
    intake.close();
  }

  /** A complete, valid MARF: every field present, so mutations reach every rule. */
  static ObjectNode validMarf() {
    return (ObjectNode) EventJson.mapper().readTree("""
        {"referralType":"POLICE_NOTIFICATION",
         "referrer":{"agency":"POLICE","organisation":"West Mercia Police","name":"PC J. Doe","role":"PPU",
                     "email":"ppu@example.org","phone":"+44 1432 000000"},
         "children":[
           {"givenName":"Ava","familyName":"Marsh","dateOfBirth":"2016-03-14","sex":"FEMALE","gender":"girl",
            "nhsNumber":"9434765919","upn":"B801200005001","school":"Oak Primary","onChildProtectionPlan":true,
            "address":{"line1":"4 Widemarsh Street","line2":"Flat 2","town":"Hereford","postcode":"HR4 9EP"}},
           {"familyName":"Marsh","expectedDateOfBirth":"%s","sex":"NOT_KNOWN"}],
         "household":{"adults":[{"givenName":"Sam","familyName":"Marsh","dateOfBirth":"1990-01-01","relationship":"MOTHER"}],
                      "riskFactors":["DOMESTIC_ABUSE","PARENTAL_ALCOHOL_MISUSE"]},
         "concern":{"categories":["DOMESTIC_ABUSE","EMOTIONAL_ABUSE"],"summary":"Officers attended.",
                    "incidentDate":"%s","immediateRisk":false,"levelOfNeed":3},
         "domesticAbuse":{"dashRiskLevel":"MEDIUM","childrenPresent":true,"childrenWitnessed":false,
                          "childrenSeenSafeAndWell":true,"childrenSubjectToPlan":true,"schoolsAttended":"Oak Primary"},
         "consent":{"parentAware":false,"consentGiven":false,"reasonNotSought":"It would put the children at risk.",
                    "lawfulBasis":"SAFEGUARDING_CHILDREN_DPA_2018"}}
        """.formatted(LocalDate.now().plusMonths(3), LocalDate.now().minusDays(1)));
  }

  /** One mutation: at the {@code at}-th node of the tree, do {@code kind} with {@code value}. */
  record Mutation(int at, int kind, String value) {
  }

  static final String[] ODD_VALUES = {"", " ", "null", "9434765918", "B801200005002", "A80120000500A", "2999-01-01",
      "1900-01-01", "2016-02-30", "not-a-date", "HR4", "SW1A 1AA", "GIR 0AA", "MARF", "HIGH", "OTHER", "\u0000",
      "x".repeat(9000), "é🙂", "<script>", "{\"a\":1}", "-1", "1e309", "true"};

  @Provide
  Arbitrary<Mutation> mutation() {
    return Combinators.combine(Arbitraries.integers().between(0, 200), Arbitraries.integers().between(0, 9),
            Arbitraries.oneOf(Arbitraries.of(ODD_VALUES), Arbitraries.strings().ofMaxLength(40)))
        .as(Mutation::new);
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    return mutation().list().ofMaxSize(4);
  }

  @Property(tries = 10_000, seed = "20261123")
  void never_a_5xx_and_stored_exactly_when_accepted(@ForAll("mutations") List<Mutation> mutations,
      @ForAll("truncation") int truncateAt) throws Exception {
    ObjectNode marf = validMarf();
    for (Mutation m : mutations) {
      mutate(marf, m);
    }
    String body = EventJson.mapper().writeValueAsString(marf);
    if (truncateAt > 0 && truncateAt < body.length()) {
      body = body.substring(0, truncateAt);
    }
    long before = referrals.estimatedDocumentCount();
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
        .header("Authorization", POLICE)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    long after = referrals.estimatedDocumentCount();

    net.jqwik.api.statistics.Statistics.collect(response.statusCode());
    assertThat(response.statusCode()).as(response.body()).isLessThan(500);
    if (response.statusCode() == 202) {
      assertThat(after).isEqualTo(before + 1);
    } else {
      assertThat(response.statusCode()).isIn(400, 413);
      assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      assertThat(after).as("nothing stored from a rejected body").isEqualTo(before);
    }
  }

  @Provide
  Arbitrary<Integer> truncation() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(9, Arbitraries.just(0)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 1500)));
  }

  static void mutate(ObjectNode root, Mutation m) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    JsonNode target = containers.get(m.at() % containers.size());
    List<String> names = new ArrayList<>();
    if (target instanceof ObjectNode object) {
      names.addAll(object.propertyNames());
    }
    switch (m.kind()) {
      case 0 -> { // remove a field or an element
        if (target instanceof ObjectNode object && !names.isEmpty()) {
          object.remove(names.get(m.value().length() % names.size()));
        } else if (target instanceof ArrayNode array && !array.isEmpty()) {
          array.remove(m.value().length() % array.size());
        }
      }
      case 1, 2, 3 -> set(target, names, m, nodes.stringNode(m.value()));
      case 4 -> set(target, names, m, nodes.nullNode());
      case 5 -> set(target, names, m, nodes.numberNode(m.value().length() * (m.kind() - 7L)));
      case 6 -> set(target, names, m, nodes.booleanNode(m.value().isEmpty()));
      case 7 -> set(target, names, m, nodes.arrayNode().add(m.value()));
      case 8 -> { // an unknown field
        if (target instanceof ObjectNode object) {
          object.put("x" + m.value(), m.value());
        }
      }
      default -> { // duplicate an array element (more children, adults, categories)
        if (target instanceof ArrayNode array && !array.isEmpty()) {
          array.add(array.get(0).deepCopy());
        }
      }
    }
  }

  static void set(JsonNode target, List<String> names, Mutation m, JsonNode value) {
    if (target instanceof ObjectNode object && !names.isEmpty()) {
      object.set(names.get(m.value().length() % names.size()), value);
    } else if (target instanceof ArrayNode array && !array.isEmpty()) {
      array.set(m.value().length() % array.size(), value);
    }
  }

  static void collect(JsonNode node, List<JsonNode> containers) {
    if (node.isObject() || node.isArray()) {
      containers.add(node);
      node.forEach(child -> collect(child, containers));
    }
  }
}
