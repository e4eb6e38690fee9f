package org.mashfrontdoor.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.cases.CaseServiceApplication;
import org.mashfrontdoor.intake.ReferralIntakeApplication;
import org.mashfrontdoor.notification.NotificationServiceApplication;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.testsupport.DebeziumContainers;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.mashfrontdoor.triage.TriageServiceApplication;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Production's publishing path end to end: the four services in this JVM with every in-process relay off
 * ({@code mash.outbox.mode=debezium}) on a real MongoDB replica set and a real KRaft broker, and a Debezium Kafka
 * Connect worker with deploy/debezium/outbox-connector.json registered unchanged. A police MARF posted to intake
 * reaches triage's queue only because Debezium carried intake's outbox record to {@code mash.referral.events}.
 * Skipped where there is no Docker engine (as platform's DebeziumOutboxOnRealInfrastructureIT).
 */
@Testcontainers(disabledWithoutDocker = true)
@DisplayName("Debezium mode: a MARF through the services with every relay off")
class DebeziumModeEndToEndIT {

  private static final Path CONNECTOR = Path.of("..", "debezium", "outbox-connector.json");

  @Container
  static final DebeziumContainers DOCKER = new DebeziumContainers();

  static final ServicesInProcess services = new ServicesInProcess();
  static final String POLICE = TestTokens.bearer(TestTokens.partner("west-mercia-police", "POLICE",
      "West Mercia Police", "referral:submit", "referral:read").mint());
  static final String SOCIAL_WORKER = TestTokens.bearer(TestTokens.staff("mash-social-worker", "MASH_SOCIAL_WORKER")
      .mint());
  static String intake;
  static String triage;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startServicesThenDebezium() throws Exception {
    // The connector's collection.include.list names these databases; the services create the topics on start.
    intake = start("referral_intake", ReferralIntakeApplication.application());
    triage = start("triage", TriageServiceApplication.application());
    start("cases", CaseServiceApplication.application());
    start("notification", NotificationServiceApplication.application());
    DOCKER.register(CONNECTOR);
  }

  static String start(String database, org.springframework.boot.SpringApplication application) {
    // directConnection: the member announces "mongo:27017", which only resolves inside the Docker network.
    String mongoUri = DOCKER.mongo.getReplicaSetUrl(database) + "?directConnection=true";
    return services.startOn(DOCKER.kafka.getBootstrapServers(), mongoUri, application, database,
        "--mash.outbox.mode=debezium");
  }

  @AfterAll
  static void stopServices() {
    services.close();
  }

  @Test
  void aMarfPostedToIntakeReachesTriagesQueueThroughDebezium() throws Exception {
    String marf = """
        {"referralType":"POLICE_NOTIFICATION",
         "referrer":{"agency":"POLICE","organisation":"West Mercia Police","name":"PC J. Doe","role":"Public protection officer","email":"ppu@example.org"},
         "children":[{"givenName":"Mia","familyName":"Hart","dateOfBirth":"2020-03-14",
                      "address":{"line1":"3 Widemarsh Street","town":"Hereford","postcode":"HR4 9EP"}}],
         "concern":{"categories":["DOMESTIC_ABUSE"],"summary":"Officers attended a domestic incident; Mia was present.","immediateRisk":false,"levelOfNeed":3},
         "domesticAbuse":{"dashRiskLevel":"MEDIUM"},
         "consent":{"parentAware":true,"consentGiven":true}}
        """;
    HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(intake + "/api/v1/referrals"))
        .header("Content-Type", "application/json").header("Authorization", POLICE)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString(marf)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String referralId = EventJson.mapper().readTree(accepted.body()).get("referralId").asString();

    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() ->
        queue().contains(referralId));
    // Published once by Debezium; consumers would dedupe a redelivery, and the queue holds the contact once.
    assertThat(queue()).containsOnlyOnce(referralId);
  }

  List<String> queue() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(triage + "/api/v1/triage/queue"))
        .header("Authorization", SOCIAL_WORKER).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    EventJson.mapper().readTree(response.body()).forEach(item -> ids.add(item.get("referralId").asString()));
    return ids;
  }
}
