package org.mashfrontdoor.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mashfrontdoor.cases.CaseServiceApplication;
import org.mashfrontdoor.intake.ReferralIntakeApplication;
import org.mashfrontdoor.notification.NotificationServiceApplication;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.mashfrontdoor.triage.TriageServiceApplication;

/**
 * The authorization matrix: every endpoint of every service, called by every kind of caller (each partner and staff
 * role, Prometheus, no token, and tokens that must never pass: wrong audience, wrong issuer, expired, no expiry,
 * forged), against all four services running. Each row says who gets past authorization; everyone else must get
 * 403 (a valid token without the right to it) or 401 (no valid token). "Gets past" means any answer but 401/403:
 * the ids here are unknown and the bodies empty, so a permitted call is a 400 or 404, which is the point: nothing
 * about the data decides who is let in.
 */
@WithEmbeddedInfrastructure
@DisplayName("Authorization matrix: every endpoint x every caller, across all four services")
class AuthorizationMatrixIT {

  /** Who calls. The bad tokens carry every role and scope, so only the defect itself can refuse them. */
  enum Caller {
    NO_TOKEN, POLICE_PARTNER, SCHOOL_READ_ONLY, PROMETHEUS,
    MASH_SOCIAL_WORKER, MASH_MANAGER, HEAD_OF_SERVICE, OPS, SOCIAL_WORKER, TEAM_MANAGER, EARLY_HELP_COORDINATOR,
    WRONG_AUDIENCE, WRONG_ISSUER, EXPIRED, NO_EXPIRY, FORGED;

    static final Set<Caller> INVALID = EnumSet.of(NO_TOKEN, WRONG_AUDIENCE, WRONG_ISSUER, EXPIRED, NO_EXPIRY, FORGED);
  }

  enum Service { INTAKE, TRIAGE, CASES, NOTIFICATION }

  record Row(Service service, String method, String path, Set<Caller> allowed) {
    @Override
    public String toString() {
      return service + " " + method + " " + path;
    }
  }

  /** Open paths: anyone without a token or with a valid one; an invalid token is refused even there (401). */
  static final Set<Caller> OPEN = EnumSet.complementOf(EnumSet.of(Caller.WRONG_AUDIENCE, Caller.WRONG_ISSUER,
      Caller.EXPIRED, Caller.NO_EXPIRY, Caller.FORGED));
  static final Set<Caller> NOBODY = EnumSet.noneOf(Caller.class);
  static final Set<Caller> MASH = EnumSet.of(Caller.MASH_SOCIAL_WORKER, Caller.MASH_MANAGER);
  static final Set<Caller> CASE_WORKERS = EnumSet.of(Caller.SOCIAL_WORKER, Caller.TEAM_MANAGER,
      Caller.EARLY_HELP_COORDINATOR);
  static final Set<Caller> ALERT_READERS = EnumSet.of(Caller.MASH_SOCIAL_WORKER, Caller.MASH_MANAGER,
      Caller.HEAD_OF_SERVICE, Caller.TEAM_MANAGER);
  static final Set<Caller> KPI_READERS = EnumSet.of(Caller.MASH_MANAGER, Caller.HEAD_OF_SERVICE, Caller.OPS);

  static Set<Caller> only(Caller... callers) {
    return EnumSet.copyOf(List.of(callers));
  }

  static Set<Caller> union(Set<Caller> a, Set<Caller> b) {
    Set<Caller> both = EnumSet.copyOf(a);
    both.addAll(b);
    return both;
  }

  static final String ID = UUID.randomUUID().toString();

  /** The matrix. A new endpoint with no row here is a gap in this test: add it. */
  static final List<Row> MATRIX = List.of(
      // referral-intake: partner systems by scope
      // A MASH social worker records calls and emails from the public (with a top-level source).
      new Row(Service.INTAKE, "POST", "/api/v1/referrals", only(Caller.POLICE_PARTNER, Caller.MASH_SOCIAL_WORKER)),
      new Row(Service.INTAKE, "GET", "/api/v1/referrals", only(Caller.POLICE_PARTNER, Caller.SCHOOL_READ_ONLY)),
      new Row(Service.INTAKE, "GET", "/api/v1/referrals/" + ID, only(Caller.POLICE_PARTNER, Caller.SCHOOL_READ_ONLY)),
      new Row(Service.INTAKE, "HEAD", "/api/v1/referrals/" + ID, only(Caller.POLICE_PARTNER, Caller.SCHOOL_READ_ONLY)),
      new Row(Service.INTAKE, "DELETE", "/api/v1/referrals/" + ID, NOBODY),
      new Row(Service.INTAKE, "GET", "/api/v1/webhook", only(Caller.POLICE_PARTNER, Caller.SCHOOL_READ_ONLY)),
      new Row(Service.INTAKE, "PUT", "/api/v1/webhook", only(Caller.POLICE_PARTNER, Caller.SCHOOL_READ_ONLY)),
      new Row(Service.INTAKE, "GET", "/api/v1/schema/marf", OPEN),
      // triage-service: MASH staff by role; the read audit for managers
      new Row(Service.TRIAGE, "GET", "/api/v1/triage/queue", MASH),
      new Row(Service.TRIAGE, "GET", "/api/v1/triage/" + ID + "?purpose=MASH%20screening", MASH),
      new Row(Service.TRIAGE, "GET", "/api/v1/triage/audit?referralId=" + ID, only(Caller.MASH_MANAGER)),
      new Row(Service.TRIAGE, "HEAD", "/api/v1/triage/audit?referralId=" + ID, only(Caller.MASH_MANAGER)),
      new Row(Service.TRIAGE, "GET", "/api/v1/audit/verify",
          only(Caller.MASH_MANAGER, Caller.HEAD_OF_SERVICE, Caller.OPS)),
      new Row(Service.TRIAGE, "POST", "/api/v1/triage/" + ID + "/checks", MASH),
      new Row(Service.TRIAGE, "POST", "/api/v1/triage/" + ID + "/recommendation", MASH),
      new Row(Service.TRIAGE, "POST", "/api/v1/triage/" + ID + "/decision", MASH),
      // Triage's rules grant MASH staff any method under /api/v1/triage: one it does not have is a 405, not data.
      new Row(Service.TRIAGE, "DELETE", "/api/v1/triage/" + ID, MASH),
      // case-service: case workers; MASH staff may follow a referral's cases
      new Row(Service.CASES, "GET", "/api/v1/cases?referralId=" + ID, union(CASE_WORKERS, MASH)),
      new Row(Service.CASES, "HEAD", "/api/v1/cases?referralId=" + ID, union(CASE_WORKERS, MASH)),
      new Row(Service.CASES, "GET", "/api/v1/cases/" + ID + "?purpose=Section%2047%20enquiry", CASE_WORKERS),
      new Row(Service.CASES, "GET", "/api/v1/cases/" + ID + "/audit", only(Caller.TEAM_MANAGER)),
      new Row(Service.CASES, "GET", "/api/v1/cases/audit?referralId=" + ID, only(Caller.TEAM_MANAGER)),
      new Row(Service.CASES, "GET", "/api/v1/audit/verify",
          only(Caller.TEAM_MANAGER, Caller.HEAD_OF_SERVICE, Caller.OPS)),
      new Row(Service.CASES, "POST", "/api/v1/cases/" + ID + "/strategy-discussion", CASE_WORKERS),
      new Row(Service.CASES, "POST", "/api/v1/cases/" + ID + "/section-47", CASE_WORKERS),
      new Row(Service.CASES, "POST", "/api/v1/cases/" + ID + "/icpc", CASE_WORKERS),
      new Row(Service.CASES, "POST", "/api/v1/cases/" + ID + "/visits", CASE_WORKERS),
      new Row(Service.CASES, "POST", "/api/v1/cases/" + ID + "/assessment", CASE_WORKERS),
      new Row(Service.CASES, "POST", "/api/v1/cases/" + ID + "/lead-professional", CASE_WORKERS),
      new Row(Service.CASES, "POST", "/api/v1/cases/" + ID + "/early-help-started", CASE_WORKERS),
      new Row(Service.CASES, "POST", "/api/v1/cases/" + ID + "/step-up", CASE_WORKERS),
      // notification-service: alerts for staff, KPIs for managers and operations
      new Row(Service.NOTIFICATION, "GET", "/api/v1/alerts", ALERT_READERS),
      new Row(Service.NOTIFICATION, "GET", "/api/v1/alerts/stream", ALERT_READERS),
      new Row(Service.NOTIFICATION, "GET", "/api/v1/alerts/" + ID, ALERT_READERS),
      new Row(Service.NOTIFICATION, "POST", "/api/v1/alerts/" + ID + "/acknowledgement", ALERT_READERS),
      new Row(Service.NOTIFICATION, "GET", "/api/v1/kpis/scorecard", KPI_READERS),
      new Row(Service.NOTIFICATION, "GET", "/api/v1/kpis/contacts-by-source", KPI_READERS),
      new Row(Service.NOTIFICATION, "POST", "/api/v1/kpis/rebuild", only(Caller.OPS)));

  /** Every service's actuator and API description: the same rules everywhere (platform). */
  static List<Row> everyService() {
    List<Row> rows = new ArrayList<>();
    for (Service service : Service.values()) {
      rows.add(new Row(service, "GET", "/actuator/health", OPEN));
      rows.add(new Row(service, "GET", "/v3/api-docs", OPEN));
      rows.add(new Row(service, "GET", "/actuator/prometheus", only(Caller.PROMETHEUS)));
      rows.add(new Row(service, "GET", "/actuator/env", only(Caller.PROMETHEUS)));
      rows.add(new Row(service, "GET", "/api/v1/not-an-endpoint", NOBODY));
    }
    return rows;
  }

  static final ServicesInProcess services = new ServicesInProcess();
  static final Map<Service, String> baseUrls = new LinkedHashMap<>();
  static final Map<Caller, String> tokens = new LinkedHashMap<>();
  static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void startServicesAndMintTokens() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    baseUrls.put(Service.INTAKE, services.start(ReferralIntakeApplication.application(), "authz_intake_" + run));
    baseUrls.put(Service.TRIAGE, services.start(TriageServiceApplication.application(), "authz_triage_" + run));
    baseUrls.put(Service.CASES, services.start(CaseServiceApplication.application(), "authz_cases_" + run));
    baseUrls.put(Service.NOTIFICATION,
        services.start(NotificationServiceApplication.application(), "authz_notification_" + run));

    tokens.put(Caller.POLICE_PARTNER, TestTokens.partner("west-police", "POLICE", "West Police",
        "referral:submit", "referral:read").mint());
    tokens.put(Caller.SCHOOL_READ_ONLY, TestTokens.partner("oak-primary", "SCHOOL", "Oak Primary",
        "referral:read").mint());
    tokens.put(Caller.PROMETHEUS, TestTokens.metrics().mint());
    for (Caller role : List.of(Caller.MASH_SOCIAL_WORKER, Caller.MASH_MANAGER, Caller.HEAD_OF_SERVICE, Caller.OPS,
        Caller.SOCIAL_WORKER, Caller.TEAM_MANAGER, Caller.EARLY_HELP_COORDINATOR)) {
      tokens.put(role, TestTokens.staff("staff-" + role.name().toLowerCase(), role.name()).mint());
    }
    tokens.put(Caller.WRONG_AUDIENCE, everything().claim("aud", "another-service").mint());
    tokens.put(Caller.WRONG_ISSUER, everything().claim("iss", "https://issuer.example/other").mint());
    tokens.put(Caller.EXPIRED, everything().expiringAt(Instant.now().minusSeconds(600)).mint());
    tokens.put(Caller.NO_EXPIRY, everything().claim("exp", null).mint());
    tokens.put(Caller.FORGED, everything().signedByAStranger().mint());
  }

  /** A token with every role and every scope: refused only for what is wrong with it. */
  static TestTokens.Claims everything() {
    return TestTokens.staff("everyone", "MASH_SOCIAL_WORKER", "MASH_MANAGER", "HEAD_OF_SERVICE", "OPS",
            "SOCIAL_WORKER", "TEAM_MANAGER", "EARLY_HELP_COORDINATOR")
        .claim("scope", "referral:submit referral:read metrics:read")
        .claim("agency", "POLICE").claim("organisation", "West Police");
  }

  @AfterAll
  static void stopServices() {
    services.close();
  }

  @TestFactory
  Stream<DynamicTest> every_endpoint_lets_in_exactly_its_callers() {
    return Stream.concat(MATRIX.stream(), everyService().stream())
        .map(row -> DynamicTest.dynamicTest(row.toString(), () -> check(row)));
  }

  private static void check(Row row) throws Exception {
    List<String> wrong = new ArrayList<>();
    for (Caller caller : Caller.values()) {
      int status = call(row, caller);
      String expected;
      boolean ok;
      if (row.allowed().contains(caller)) {
        expected = "let in (not 401/403)";
        ok = status != 401 && status != 403;
      } else if (Caller.INVALID.contains(caller)) {
        expected = "401";
        ok = status == 401;
      } else {
        expected = "403";
        ok = status == 403;
      }
      if (!ok) {
        wrong.add(caller + ": " + status + ", expected " + expected);
      }
    }
    assertThat(wrong).as(row.toString()).isEmpty();
  }

  /** What {@link #call} answers for a stream that was opened and held: a refusal would have come at once. */
  static final int HELD_OPEN = 0;

  private static int call(Row row, Caller caller) throws IOException, InterruptedException {
    boolean stream = row.path().endsWith("/stream");
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrls.get(row.service()) + row.path()))
        .timeout(stream ? Duration.ofSeconds(3) : Duration.ofSeconds(20));
    if (tokens.containsKey(caller)) {
      request.header("Authorization", TestTokens.bearer(tokens.get(caller)));
    }
    boolean withBody = row.method().equals("POST") || row.method().equals("PUT");
    if (withBody) {
      request.header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString());
    }
    request.method(row.method(), withBody ? HttpRequest.BodyPublishers.ofString("{}")
        : HttpRequest.BodyPublishers.noBody());
    try {
      // Headers only: a stream a caller is let into never ends.
      HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      response.body().close();
      return response.statusCode();
    } catch (HttpTimeoutException e) {
      if (stream) {
        return HELD_OPEN;
      }
      throw e;
    }
  }
}
