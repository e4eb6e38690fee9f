package org.mashfrontdoor.notification.adapters.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.notification.application.AlertSender;
import org.mashfrontdoor.notification.domain.Alert;
import org.mashfrontdoor.notification.domain.AlertType;
import org.mashfrontdoor.notification.domain.Audience;
import org.mashfrontdoor.notification.domain.Channel;
import org.mashfrontdoor.notification.domain.Delivery;
import org.mashfrontdoor.notification.domain.Severity;
import uk.gov.service.notify.NotificationClient;

/**
 * The GOV.UK Notify channel, with the official client, against a stand-in that serves Notify's documented API
 * ({@code POST /v2/notifications/sms}, bearer JWT signed with the key's secret, 201 with the notification).
 */
@DisplayName("SMS through GOV.UK Notify (official client, against a stand-in of its API)")
class NotifyAlertSenderTest {

  static final String SERVICE_ID = UUID.randomUUID().toString();
  static final String API_KEY = "mash_local-" + SERVICE_ID + "-" + UUID.randomUUID();
  static final String TEMPLATE = UUID.randomUUID().toString();

  HttpServer standIn;
  final AtomicReference<String> body = new AtomicReference<>();
  final AtomicReference<String> authorization = new AtomicReference<>();
  final AtomicInteger status = new AtomicInteger(201);

  @BeforeEach
  void start() throws IOException {
    standIn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    standIn.createContext("/v2/notifications/sms", exchange -> {
      body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
      String answer = status.get() == 201 ? """
          {"id":"%s","reference":"ref","content":{"body":"Urgent contact","from_number":"GOVUK"},
           "uri":"https://api.notifications.service.gov.uk/v2/notifications/x",
           "template":{"id":"%s","version":1,"uri":"https://api.notifications.service.gov.uk/v2/template/x"}}
          """.formatted(UUID.randomUUID(), TEMPLATE)
          : "{\"status_code\":500,\"errors\":[{\"error\":\"Exception\",\"message\":\"Internal server error\"}]}";
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status.get(), bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    standIn.start();
  }

  @AfterEach
  void stop() {
    standIn.stop(0);
  }

  NotifyAlertSender sender() {
    return new NotifyAlertSender(new NotificationClient(API_KEY, "http://127.0.0.1:" + standIn.getAddress().getPort()),
        TEMPLATE, "https://mash.example");
  }

  static final Alert ALERT = new Alert("alert-1", "ref-1", "MARF-2026-000001", AlertType.URGENT_CONTACT,
      Severity.URGENT, List.of(Audience.MASH_MANAGER), Instant.parse("2026-03-02T10:00:00Z"), "event-1",
      "Urgent contact MARF-2026-000001: immediate risk", List.of("IMMEDIATE_RISK"), null, null, null, null, null, null,
      null, 0, List.of(), 1);
  static final Delivery TO_MANAGER = Delivery.owed(Channel.SMS, "07700900001", Instant.parse("2026-03-02T10:00:00Z"));

  @Test
  void sends_the_template_with_the_summary_and_a_link_signed_with_the_services_key() throws Exception {
    sender().send(ALERT, TO_MANAGER);

    assertThat(body.get()).contains("\"phone_number\":\"07700900001\"", "\"template_id\":\"" + TEMPLATE + "\"",
        "Urgent contact MARF-2026-000001: immediate risk", "https://mash.example/api/v1/alerts/alert-1",
        "\"reference\":\"alert-1\"");
    assertThat(authorization.get()).startsWith("Bearer ey");
    String claims = new String(java.util.Base64.getUrlDecoder().decode(authorization.get().split("\\.")[1]),
        StandardCharsets.UTF_8);
    assertThat(claims).contains("\"iss\":\"" + SERVICE_ID + "\"");
  }

  @Test
  void a_failure_of_notify_is_not_sent_naming_the_status_so_the_ledger_tries_again() {
    status.set(500);
    assertThatThrownBy(() -> sender().send(ALERT, TO_MANAGER)).isInstanceOf(AlertSender.NotSent.class)
        .hasMessageContaining("500");
  }
}
