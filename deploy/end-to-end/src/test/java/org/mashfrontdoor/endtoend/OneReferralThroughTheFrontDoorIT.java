package org.mashfrontdoor.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.cases.CaseServiceApplication;
import org.mashfrontdoor.intake.ReferralIntakeApplication;
import org.mashfrontdoor.notification.NotificationServiceApplication;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.testsupport.Promtool;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.mashfrontdoor.triage.TriageServiceApplication;
import tools.jackson.databind.JsonNode;

/**
 * The four real services, each with its own database, started in one JVM on the real embedded Kafka broker
 * and MongoDB wire-protocol server; one police notification goes from the partner's POST to a decision, a
 * case, alerts for MASH staff and the referrer's status. The police system calls intake with its own bearer token,
 * MASH staff call triage with theirs (a social worker recommends, a manager signs off), children's social care and
 * early help staff call case-service with theirs, and MASH staff read their alerts with theirs. The statutory pathway follows: a
 * strategy discussion, Section 47 and a conference; and an early help case stepped up back to the front door.
 */
@WithEmbeddedInfrastructure
@DisplayName("One referral through the front door, across all four services")
class OneReferralThroughTheFrontDoorIT {

  static final ServicesInProcess services = new ServicesInProcess();
  static String intake;
  static String triage;
  static String cases;
  static String notification;

  /** The police system's client-credentials token. */
  static final String POLICE = TestTokens.bearer(TestTokens.partner("west-mercia-police", "POLICE",
      "West Mercia Police", "referral:submit", "referral:read").mint());
  /** MASH staff, as the local development issuer's mash-social-worker and mash-manager. */
  static final String SOCIAL_WORKER = TestTokens.bearer(TestTokens.staff("mash-social-worker", "MASH_SOCIAL_WORKER")
      .mint());
  static final String MANAGER = TestTokens.bearer(TestTokens.staff("mash-manager", "MASH_MANAGER").mint());
  static final String HEALTH = TestTokens.bearer(TestTokens.partner("wye-valley-health-visiting", "HEALTH_VISITOR",
      "Wye Valley Health Visiting", "referral:submit", "referral:read").mint());
  /** Children's social care and early help staff, as deploy/local/token social-worker, team-manager, early-help-coordinator. */
  static final String CASE_WORKER = TestTokens.bearer(TestTokens.staff("social-worker", "SOCIAL_WORKER").mint());
  static final String TEAM_MANAGER = TestTokens.bearer(TestTokens.staff("team-manager", "TEAM_MANAGER").mint());
  static final String EARLY_HELP = TestTokens.bearer(TestTokens.staff("early-help-coordinator",
      "EARLY_HELP_COORDINATOR").mint());

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startServices() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    intake = services.start(ReferralIntakeApplication.application(), "intake_" + run);
    triage = services.start(TriageServiceApplication.application(), "triage_" + run);
    cases = services.start(CaseServiceApplication.application(), "cases_" + run);
    notification = services.start(NotificationServiceApplication.application(), "notification_" + run);
  }

  @AfterAll
  static void stopServices() {
    services.close();
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode getJson(String url) throws Exception {
    return getJson(url, null);
  }

  JsonNode getJson(String url, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response = send(request);
    assertThat(response.statusCode()).as(url + " answered " + response.body()).isEqualTo(200);
    return EventJson.mapper().readTree(response.body());
  }

  HttpResponse<String> postJson(String url, String body) throws Exception {
    return postJson(url, body, null);
  }

  HttpResponse<String> postJson(String url, String body, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString()).POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return send(request);
  }

  /** Posts a MARF to intake with {@code authorization}: 202; returns its referral id once it is in the MASH queue. */
  String accepted(String marf, String authorization) throws Exception {
    HttpResponse<String> accepted = postJson(intake + "/api/v1/referrals", marf, authorization);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String referralId = EventJson.mapper().readTree(accepted.body()).get("referralId").asString();
    await().atMost(Duration.ofSeconds(60)).until(() ->
        values(getJson(triage + "/api/v1/triage/queue", SOCIAL_WORKER), "referralId").contains(referralId));
    return referralId;
  }

  static List<String> values(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(item -> values.add(item.get(field).asString()));
    return values;
  }

  @Test
  void a_police_notification_reaches_a_strategy_discussion_alerts_and_the_referrers_status() throws Exception {
    String notificationBody = """
        {"referralType":"POLICE_NOTIFICATION",
         "referrer":{"agency":"POLICE","organisation":"West Mercia Police","name":"PC J. Doe","role":"Public protection officer","email":"ppu@example.org"},
         "children":[{"givenName":"Leo","familyName":"Carter","dateOfBirth":"2019-07-02","nhsNumber":"9434765870",
                      "address":{"line1":"12 Eign Street","town":"Hereford","postcode":"HR4 0AN"}}],
         "concern":{"categories":["DOMESTIC_ABUSE"],"summary":"Officers attended a domestic incident; Leo was present.","immediateRisk":false,"levelOfNeed":3},
         "domesticAbuse":{"dashRiskLevel":"HIGH"},
         "consent":{"parentAware":true,"consentGiven":false,"reasonNotSought":"Seeking consent would put the child at risk (DPA 2018 Sch. 1 para 18)."}}
        """;
    HttpResponse<String> accepted = postJson(intake + "/api/v1/referrals", notificationBody, POLICE);
    assertThat(accepted.statusCode()).isEqualTo(202);
    JsonNode acknowledgement = EventJson.mapper().readTree(accepted.body());
    String referralId = acknowledgement.get("referralId").asString();

    // triage opens a contact due exactly when intake told the referrer; the referrer sees it is in triage
    await().atMost(Duration.ofSeconds(60)).until(() ->
        values(getJson(triage + "/api/v1/triage/queue", SOCIAL_WORKER), "referralId").contains(referralId));
    // every read of a contact states its purpose and is audited
    JsonNode contact = getJson(triage + "/api/v1/triage/" + referralId + "?purpose=MASH%20screening", SOCIAL_WORKER);
    assertThat(contact.get("urgent").asBoolean()).isTrue();
    assertThat(Instant.parse(contact.get("decisionDueBy").asString()))
        .isEqualTo(Instant.parse(acknowledgement.get("decisionDueBy").asString()));
    assertThat(contact.get("deadlinePolicy").get("id").asString()).isEqualTo("ELAPSED_24H");
    // what the police told the MASH, as intake received it, shown only through this audited read
    JsonNode told = contact.get("referrals").get(0);
    assertThat(told.get("children").get(0).get("givenName").asString()).isEqualTo("Leo");
    assertThat(told.get("children").get(0).get("dateOfBirth").asString()).isEqualTo("2019-07-02");
    assertThat(told.get("referrer").get("name").asString()).isEqualTo("PC J. Doe");
    assertThat(told.get("domesticAbuse").get("dashRiskLevel").asString()).isEqualTo("HIGH");
    assertThat(told.get("sharedWithoutConsent").asBoolean()).isTrue();
    assertThat(told.get("consent").get("reasonNotSought").asString()).startsWith("Seeking consent would put");
    assertThat(told.toString()).as("what the MASH does not show stays in intake")
        .doesNotContain("9434765870", "Eign Street", "HR4 0AN");
    await().atMost(Duration.ofSeconds(60)).until(() ->
        getJson(intake + "/api/v1/referrals/" + referralId, POLICE).get("status").asString().equals("IN_TRIAGE"));

    // a social worker recommends a strategy discussion; the manager signs it off: the decision
    String strategyDiscussion = """
        {"outcome":"STRATEGY_DISCUSSION","levelOfNeed":4,"rationale":"High-risk DASH with a young child present."}
        """;
    assertThat(postJson(triage + "/api/v1/triage/" + referralId + "/decision", strategyDiscussion, MANAGER)
        .statusCode()).as("no sign-off without a recommendation").isEqualTo(409);
    assertThat(postJson(triage + "/api/v1/triage/" + referralId + "/recommendation", strategyDiscussion,
        SOCIAL_WORKER).statusCode()).isEqualTo(200);
    HttpResponse<String> decided = postJson(triage + "/api/v1/triage/" + referralId + "/decision",
        strategyDiscussion, MANAGER);
    assertThat(decided.statusCode()).isEqualTo(200);
    assertThat(values(getJson(triage + "/api/v1/triage/queue", MANAGER), "referralId")).doesNotContain(referralId);

    // case-service opens the case
    await().atMost(Duration.ofSeconds(60)).until(() ->
        !getJson(cases + "/api/v1/cases?referralId=" + referralId, CASE_WORKER).isEmpty());
    JsonNode opened = getJson(cases + "/api/v1/cases?referralId=" + referralId, CASE_WORKER).get(0);
    assertThat(opened.get("pathway").asString()).isEqualTo("STRATEGY_DISCUSSION");
    assertThat(opened.get("status").asString()).isEqualTo("OPEN");

    // MASH staff were alerted to the high-risk notification and to the decision
    await().atMost(Duration.ofSeconds(60)).until(() ->
        values(getJson(notification + "/api/v1/alerts?referralId=" + referralId, MANAGER).get("alerts"), "type")
            .containsAll(List.of("URGENT_CONTACT", "DECISION_RECORDED")));
    JsonNode urgent = java.util.stream.StreamSupport.stream(getJson(notification + "/api/v1/alerts?referralId="
        + referralId, MANAGER).get("alerts").spliterator(), false).filter(a -> a.get("type").asString().equals("URGENT_CONTACT")).findFirst().orElseThrow();
    assertThat(urgent.get("reasons").toString()).as("triage's one urgency rule").contains("HIGH_RISK_DOMESTIC_ABUSE");
    assertThat(urgent.toString()).doesNotContain("Leo", "Carter");

    // the referrer sees the decision and what happens next
    await().atMost(Duration.ofSeconds(60)).until(() ->
        getJson(intake + "/api/v1/referrals/" + referralId, POLICE).get("status").asString().equals("DECIDED"));
    JsonNode status = getJson(intake + "/api/v1/referrals/" + referralId, POLICE);
    assertThat(status.get("outcome").asString()).isEqualTo("STRATEGY_DISCUSSION");
    assertThat(status.get("whatHappensNext").asString()).contains("strategy discussion");

    // children's social care: the strategy discussion starts a Section 47 enquiry, which concludes ICPC; the
    // conference is held within 15 working days of the discussion
    String caseId = opened.get("caseId").asString();
    String now = Instant.now().toString();
    assertThat(postJson(cases + "/api/v1/cases/" + caseId + "/strategy-discussion", """
        {"heldAt":"%s","section47":true,"rationale":"Reasonable cause to suspect significant harm.",
         "participants":[{"agency":"LOCAL_AUTHORITY_SOCIAL_CARE","role":"Team manager","name":"T. Manager"},
                         {"agency":"POLICE","role":"Detective sergeant","name":"D. Sergeant"},
                         {"agency":"GP","role":"GP","name":"G. Practitioner"}]}""".formatted(now), CASE_WORKER)
        .statusCode()).isEqualTo(200);
    HttpResponse<String> concluded = postJson(cases + "/api/v1/cases/" + caseId + "/section-47",
        "{\"concludedAt\":\"%s\",\"outcome\":\"ICPC\"}".formatted(Instant.now()), CASE_WORKER);
    assertThat(concluded.statusCode()).isEqualTo(200);
    JsonNode icpcDeadline = EventJson.mapper().readTree(concluded.body()).get("deadlines").get(0);
    assertThat(icpcDeadline.get("kind").asString()).isEqualTo("ICPC");
    assertThat(icpcDeadline.get("policy").get("id").asString()).isEqualTo("WORKING_DAYS_15");
    HttpResponse<String> conference = postJson(cases + "/api/v1/cases/" + caseId + "/icpc",
        "{\"heldAt\":\"%s\",\"outcome\":\"CHILD_PROTECTION_PLAN\"}".formatted(Instant.now()), TEAM_MANAGER);
    assertThat(conference.statusCode()).isEqualTo(200);
    assertThat(EventJson.mapper().readTree(conference.body()).get("deadlines").get(0).get("onTime").asBoolean())
        .isTrue();

    // the referrer hears the milestones in plain words, without the outcomes
    await().atMost(Duration.ofSeconds(60)).until(() -> values(
        getJson(intake + "/api/v1/referrals/" + referralId, POLICE).get("timeline"), "status")
        .containsAll(List.of("STRATEGY_DISCUSSION_HELD", "ENQUIRIES_CONCLUDED", "CONFERENCE_HELD")));
    assertThat(getJson(intake + "/api/v1/referrals/" + referralId, POLICE).toString())
        .doesNotContain("CHILD_PROTECTION_PLAN", "T. Manager");
  }

  @Test
  void an_early_help_case_stepped_up_comes_back_to_the_front_door_as_a_new_referral() throws Exception {
    String referralBody = """
        {"referralType":"MARF",
         "referrer":{"agency":"HEALTH_VISITOR","organisation":"Wye Valley Health Visiting","name":"J. Okafor","role":"Health visitor","email":"hv@example.org"},
         "children":[{"givenName":"Mia","familyName":"Baines","dateOfBirth":"2022-04-11","nhsNumber":"9995260182",
                      "address":{"line1":"27 Bath Street","town":"Hereford","postcode":"HR1 2HQ"}}],
         "concern":{"categories":["NEGLECT"],"summary":"Missed reviews; mother struggling and would accept support.","immediateRisk":false,"levelOfNeed":2},
         "consent":{"parentAware":true,"consentGiven":true}}
        """;
    String referralId = accepted(referralBody, HEALTH);
    String earlyHelp = """
        {"outcome":"EARLY_HELP","levelOfNeed":2,"rationale":"Needs below the statutory threshold; parent consents."}
        """;
    assertThat(postJson(triage + "/api/v1/triage/" + referralId + "/recommendation", earlyHelp, SOCIAL_WORKER)
        .statusCode()).isEqualTo(200);
    assertThat(postJson(triage + "/api/v1/triage/" + referralId + "/decision", earlyHelp, MANAGER).statusCode())
        .isEqualTo(200);

    await().atMost(Duration.ofSeconds(60)).until(() ->
        !getJson(cases + "/api/v1/cases?referralId=" + referralId, EARLY_HELP).isEmpty());
    JsonNode opened = getJson(cases + "/api/v1/cases?referralId=" + referralId, EARLY_HELP).get(0);
    assertThat(opened.get("pathway").asString()).isEqualTo("EARLY_HELP");
    assertThat(opened.get("deadlines").get(0).get("kind").asString()).isEqualTo("EARLY_HELP_START");
    String caseId = opened.get("caseId").asString();
    assertThat(postJson(cases + "/api/v1/cases/" + caseId + "/lead-professional",
        "{\"name\":\"J. Okafor\",\"agency\":\"HEALTH_VISITOR\",\"role\":\"Health visitor\"}", EARLY_HELP)
        .statusCode()).isEqualTo(200);

    HttpResponse<String> steppedUp = postJson(cases + "/api/v1/cases/" + caseId + "/step-up",
        "{\"reason\":\"Unexplained injury seen at the early help review.\"}", EARLY_HELP);
    assertThat(steppedUp.statusCode()).isEqualTo(202);
    String newReferralId = EventJson.mapper().readTree(steppedUp.body()).get("referralId").asString();

    // the step-up is a new referral through intake: a reference, linked to the child's earlier referral, its own
    // decision clock, in the triage queue
    await().atMost(Duration.ofSeconds(60)).until(() ->
        values(getJson(triage + "/api/v1/triage/queue", SOCIAL_WORKER), "referralId").contains(newReferralId));
    JsonNode contact = getJson(triage + "/api/v1/triage/" + newReferralId + "?purpose=MASH%20screening",
        SOCIAL_WORKER);
    assertThat(contact.get("reference").asString()).startsWith("MARF-");
    assertThat(contact.get("urgent").asBoolean()).as("a re-referral within 12 months is screened first").isTrue();
    assertThat(contact.toString()).contains("EARLY_HELP");
    await().atMost(Duration.ofSeconds(60)).until(() -> values(
        getJson(intake + "/api/v1/referrals/" + referralId, HEALTH).get("timeline"), "status").contains("STEPPED_UP"));
  }

  @Test
  void an_anonymous_call_recorded_by_mash_staff_is_screened_counted_by_source_and_closed_with_advice()
      throws Exception {
    String call = """
        {"source":"ANONYMOUS","referralType":"MARF",
         "children":[{"givenName":"Isla","familyName":"Penn","dateOfBirth":"2017-01-20"}],
         "concern":{"categories":["NEGLECT"],"summary":"A caller says Isla is often outside late at night, alone.","immediateRisk":false},
         "consent":{"parentAware":false,"consentGiven":false,"reasonNotSought":"Anonymous caller."}}
        """;
    assertThat(postJson(intake + "/api/v1/referrals", call, POLICE).statusCode())
        .as("a partner may not give a source").isEqualTo(400);
    // the same path as a partner's MARF: the MASH queue, with its source and who recorded it
    String referralId = accepted(call, SOCIAL_WORKER);
    JsonNode contact = getJson(triage + "/api/v1/triage/" + referralId + "?purpose=MASH%20screening",
        SOCIAL_WORKER);
    assertThat(contact.get("sources").get(0).get("agency").asString()).isEqualTo("ANONYMOUS");
    assertThat(contact.get("referrals").get(0).get("recordedBy").asString()).isEqualTo("mash-social-worker");
    assertThat(contact.get("referrals").get(0).get("children").get(0).get("givenName").asString())
        .isEqualTo("Isla");

    // closed at the front door: the decision says what the referrer should do
    String nothing = """
        {"outcome":"NO_FURTHER_ACTION","levelOfNeed":1,"rationale":"Checks found the family known and supported."%s}
        """;
    assertThat(postJson(triage + "/api/v1/triage/" + referralId + "/recommendation", nothing.formatted(""),
        SOCIAL_WORKER).statusCode()).isEqualTo(200);
    HttpResponse<String> withoutAdvice = postJson(triage + "/api/v1/triage/" + referralId + "/decision",
        nothing.formatted(""), MANAGER);
    assertThat(withoutAdvice.statusCode()).isEqualTo(400);
    assertThat(withoutAdvice.body()).contains("/adviceToReferrer");
    assertThat(postJson(triage + "/api/v1/triage/" + referralId + "/decision", nothing.formatted(
        ",\"adviceToReferrer\":\"If the caller rings again, ask them to call the police at once.\""), MANAGER)
        .statusCode()).isEqualTo(200);

    // the KPIs by source count it
    String ops = TestTokens.bearer(TestTokens.staff("ops", "OPS").mint());
    await().atMost(Duration.ofSeconds(60)).until(() -> java.util.stream.StreamSupport.stream(
            getJson(notification + "/api/v1/kpis/contacts-by-source", ops).get("rows").spliterator(), false)
        .anyMatch(row -> row.get("source").asString().equals("ANONYMOUS") && row.get("contacts").asInt() >= 1));
  }

  @Test
  void a_referral_closed_with_information_and_advice_tells_its_referrer_the_advice() throws Exception {
    String referralBody = """
        {"referralType":"MARF",
         "referrer":{"agency":"HEALTH_VISITOR","organisation":"Wye Valley Health Visiting","name":"J. Okafor","role":"Health visitor","email":"hv@example.org"},
         "children":[{"givenName":"Ruby","familyName":"Lowe","dateOfBirth":"2023-02-14"}],
         "concern":{"categories":["OTHER"],"summary":"Mother asks for help with sleep and feeding.","immediateRisk":false,"levelOfNeed":1},
         "consent":{"parentAware":true,"consentGiven":true}}
        """;
    String referralId = accepted(referralBody, HEALTH);

    assertThat(postJson(triage + "/api/v1/triage/" + referralId + "/checks",
        "{\"advice\":\"Told the health visitor about the local sleep clinic.\"}", SOCIAL_WORKER).statusCode())
        .isEqualTo(200);
    String advice = """
        {"outcome":"INFORMATION_AND_ADVICE","levelOfNeed":1,"rationale":"Universal services meet the need.",
         "adviceToReferrer":"Refer the family to the sleep clinic; refer again if feeding does not improve."}
        """;
    assertThat(postJson(triage + "/api/v1/triage/" + referralId + "/recommendation", advice, SOCIAL_WORKER)
        .statusCode()).isEqualTo(200);
    assertThat(postJson(triage + "/api/v1/triage/" + referralId + "/decision", advice, MANAGER).statusCode())
        .isEqualTo(200);

    await().atMost(Duration.ofSeconds(60)).until(() ->
        getJson(intake + "/api/v1/referrals/" + referralId, HEALTH).get("status").asString().equals("DECIDED"));
    JsonNode feedback = getJson(intake + "/api/v1/referrals/" + referralId, HEALTH);
    assertThat(feedback.get("outcome").asString()).isEqualTo("INFORMATION_AND_ADVICE");
    assertThat(feedback.get("adviceToReferrer").asString())
        .isEqualTo("Refer the family to the sleep clinic; refer again if feeding does not improve.");
    assertThat(feedback.toString()).as("the rationale is not the referrer's").doesNotContain("Universal services");
  }

  @Test
  void every_service_reports_health_and_prometheus_metrics_to_prometheus_alone() throws Exception {
    for (String service : List.of(intake, triage, cases, notification)) {
      assertThat(getJson(service + "/actuator/health").get("status").asString()).isEqualTo("UP");
      assertThat(send(HttpRequest.newBuilder(URI.create(service + "/actuator/prometheus"))).statusCode())
          .as(service + " without a token").isEqualTo(401);
      HttpResponse<String> metrics = send(HttpRequest.newBuilder(URI.create(service + "/actuator/prometheus"))
          .header("Authorization", TestTokens.metricsBearer()));
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }
  }

  /**
   * deploy/observability's rules and dashboards read only what the services export. The KPI and pipeline counters
   * are registered at 0 when each service starts, so this needs no traffic first; consumer metrics appear once the
   * listeners' consumers exist, hence the wait.
   */
  @Test
  void every_metric_the_prometheus_rules_and_grafana_dashboards_read_is_exported_by_a_service() throws Exception {
    Set<String> exported = new TreeSet<>(Set.of("up")); // written by Prometheus itself for every scrape target
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      for (String service : List.of(intake, triage, cases, notification)) {
        exported.addAll(metricNamesIn(send(HttpRequest.newBuilder(URI.create(service + "/actuator/prometheus"))
            .header("Authorization", TestTokens.metricsBearer())).body()));
      }
      Set<String> named = PrometheusExpressions.ofThisRepository().metricNames();
      assertThat(named).as("the expressions were read").contains("triage_decisions_total", "mash_outbox_backlog");
      assertThat(exported).as("metric names the four services export").containsAll(named);
    });
  }

  /** Each service's scrape, once its listeners' consumers exist, is as Prometheus's own linter wants it. */
  @Test
  void every_services_metrics_pass_promtool_check_metrics() throws Exception {
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      for (String service : List.of(intake, triage, cases, notification)) {
        assertThat(scrape(service)).as(service).contains("kafka_consumer_fetch_manager_records_lag_max");
      }
    });
    for (String service : List.of(intake, triage, cases, notification)) {
      Promtool.assertCleanMetrics(scrape(service), service);
    }
  }

  String scrape(String service) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(service + "/actuator/prometheus"))
        .header("Authorization", TestTokens.metricsBearer())).body();
  }

  /** Sample names of a Prometheus text exposition (labels and values dropped). */
  static Set<String> metricNamesIn(String exposition) {
    Set<String> names = new TreeSet<>();
    for (String line : exposition.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        names.add(line.split("[{ ]", 2)[0]);
      }
    }
    return names;
  }
}
