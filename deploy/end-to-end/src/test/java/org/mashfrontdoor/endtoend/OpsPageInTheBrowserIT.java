package org.mashfrontdoor.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mashfrontdoor.notification.NotificationServiceApplication;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.testsupport.EmbeddedInfrastructure;
import org.mashfrontdoor.platform.testsupport.ReportedMonth;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The ops page as staff use it: in Debian's headless Chromium, signed in at the local OIDC provider (its own
 * process, from its -exec jar) by authorization code + PKCE, showing the scorecard of a replayed month (the reports'
 * March 2020 distribution), the front door now and the pipeline's health, styled by GOV.UK Frontend from the webjar.
 * Skipped, saying why, where Chromium is not installed ({@code .ci/run} installs it).
 */
@WithEmbeddedInfrastructure
@DisplayName("The ops page in a real browser: sign-in at the local provider, the scorecard, the front door")
class OpsPageInTheBrowserIT {

  static final YearMonth MONTH = YearMonth.of(2027, 3);
  /** Where the screenshot goes; docs/images/ops-page.png is a copy of it. */
  static final Path SCREENSHOT = Path.of("target", "ops-page.png");

  static final ServicesInProcess services = new ServicesInProcess();
  static LocalProviderProcess provider;
  static String issuer;
  static String notification;
  static ChromeDriver browser;

  @BeforeAll
  static void start(@TempDir Path work) throws Exception {
    HeadlessChromium.assumeInstalled();
    provider = LocalProviderProcess.start(work);
    issuer = provider.url();
    notification = services.start(NotificationServiceApplication.application(), "ops_page_" + UUID.randomUUID()
        .toString().substring(0, 8), "--mash.sign-in.issuer-uri=" + issuer, "--mash.prometheus-url=");
    try (KafkaProducer<String, String> producer = EmbeddedInfrastructure.get().writer()) {
      for (EventEnvelope event : ReportedMonth.events(MONTH)) {
        producer.send(new ProducerRecord<>(Topics.TRIAGE_EVENTS, event.subject(), EventJson.write(event)));
      }
      // The front door now: open contacts in both lanes, at the RAG triage last announced.
      for (String[] open : List.of(new String[] {"MASH", "AMBER"}, new String[] {"MASH", "RED"},
          new String[] {"DOMESTIC_ABUSE", "GREEN"})) {
        EventEnvelope opened = openContact(open[0], open[1]);
        producer.send(new ProducerRecord<>(Topics.TRIAGE_EVENTS, opened.subject(), EventJson.write(opened)));
      }
    }
    browser = HeadlessChromium.start(work.resolve("chromium-profile"));
  }

  @AfterAll
  static void stop() {
    HeadlessChromium.stopAll(browser, services, provider);
  }

  @Test
  @DisplayName("staff sign in at the provider and land on the month they asked for: the scorecard with RAG in "
      + "colour and words, the reports' table by source, a chart, the front door and the pipeline; then sign out")
  void signInAndReadTheScorecard() throws Exception {
    browser.get(notification + "/ops/?month=" + MONTH);
    // Not signed in: the provider's sign-in form.
    assertThat(browser.getCurrentUrl()).startsWith(issuer);
    HeadlessChromium.signIn(browser, issuer, "ops");

    await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().startsWith(notification + "/ops/"));
    assertThat(browser.getCurrentUrl()).contains("month=" + MONTH); // the page asked for, after sign-in
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Scorecard: March 2027");
    assertThat(browser.findElement(By.id("staff-name")).getText()).isEqualTo("ops");

    // The projection reads the replayed month from the broker: refresh until it has all of it.
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      browser.navigate().refresh();
      assertThat(browser.findElement(By.id("contacts-by-source-total")).getText())
          .isEqualTo("Total " + ReportedMonth.CONTACTS + " " + ReportedMonth.REFERRALS + " "
              + ReportedMonth.CONVERSION_PERCENT + "%");
    });
    List<WebElement> sourceRows = browser.findElements(By.cssSelector("#contacts-by-source tbody tr"));
    ReportedMonth.Row police = ReportedMonth.MARCH_2020.getFirst();
    assertThat(sourceRows.getFirst().getText()).isEqualTo("POLICE 418 " + police.contactsPercent() + "% 29 "
        + police.referralsPercent() + "% " + police.conversionPercent() + "%");
    assertThat(browser.findElements(By.cssSelector("#sources-chart rect.contacts")))
        .hasSize(ReportedMonth.MARCH_2020.size());

    WebElement hours = browser.findElement(By.cssSelector("tr[data-kpi=CONTACTS_DECIDED_WITHIN_24_HOURS]"));
    WebElement day = browser.findElement(By.cssSelector("tr[data-kpi=CONTACTS_DECIDED_WITHIN_1_DAY]"));
    // A quarter of the month decided after 30 hours: late by 24 hours, mostly in time by the end of the next day.
    assertThat(hours.findElement(By.cssSelector(".kpi-rag")).getText()).isEqualTo("Red");
    assertThat(hours.findElement(By.cssSelector(".kpi-rag")).getAttribute("class")).contains("govuk-tag--red");
    assertThat(hours.findElement(By.cssSelector(".kpi-rag")).getCssValue("background-color"))
        .isNotEqualTo(day.findElement(By.cssSelector(".kpi-rag")).getCssValue("background-color"));
    assertThat(day.findElement(By.cssSelector(".kpi-rag")).getText()).isEqualTo("No target");
    assertThat(hours.findElement(By.cssSelector(".kpi-direction")).getText()).contains("No previous month");

    // The front door now: MASH lane one AMBER and one RED open, domestic-abuse lane one GREEN (once the alert
    // listener, which reads every event one by one, has caught up with the month's decisions).
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      browser.navigate().refresh();
      assertThat(browser.findElements(By.cssSelector("#front-door tbody tr"))).extracting(WebElement::getText)
          .containsExactly("MASH 0 1 1 0 2", "Domestic abuse triage 1 0 0 0 1");
    });
    assertThat(browser.findElement(By.id("pipeline-health")).getText()).contains("notification-service", "UP");

    // GOV.UK Frontend's stylesheet and its font came from the webjar, not the internet.
    assertThat(browser.findElement(By.tagName("h1")).getCssValue("font-family")).contains("GDS Transport");
    assertThat(status(notification + "/assets/fonts/bold-b542beb274-v2.woff2")).isEqualTo(200);

    HeadlessChromium.screenshot(browser, 1280, SCREENSHOT);

    browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
    await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().startsWith(issuer));
  }

  @Test
  @DisplayName("without a session or a role the page shows nothing: a bearer-less request is sent to sign in, "
      + "the KPI API answers 401")
  void closedToStrangers() throws Exception {
    HttpClient http = HttpClient.newHttpClient(); // no cookies, does not follow redirects
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(notification + "/ops/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
        l -> assertThat(l).endsWith("/oauth2/authorization/mash"));
    assertThat(page.body()).doesNotContain("Scorecard");
    assertThat(status(notification + "/api/v1/kpis/scorecard")).isEqualTo(401);
  }

  private static int status(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static EventEnvelope openContact(String lane, String rag) {
    String contactId = UUID.randomUUID().toString();
    Instant received = Instant.now().minus(Duration.ofHours(1));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("contactId", contactId);
    data.put("referralId", contactId);
    data.put("reference", "MARF-2026-" + contactId.substring(0, 6));
    data.put("receivedAt", received.toString());
    data.put("decisionDueBy", received.plus(Duration.ofHours(24)).toString());
    data.put("urgent", false);
    data.put("urgentReasons", List.of());
    data.put("rag", rag);
    data.put("lane", lane);
    data.put("source", "POLICE");
    data.put("referralType", lane.equals("MASH") ? "MARF" : "POLICE_NOTIFICATION");
    return EventEnvelope.create("/mash/triage-service", "triage.contact-opened.v1", contactId, received, data);
  }
}
