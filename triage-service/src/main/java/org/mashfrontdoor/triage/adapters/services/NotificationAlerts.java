package org.mashfrontdoor.triage.adapters.services;

import java.time.Instant;
import java.util.List;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.staffpages.StaffAccessTokens;
import org.mashfrontdoor.triage.application.AlertFeed;
import org.mashfrontdoor.triage.domain.Staff;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * The alerts from notification-service's API ({@code GET /api/v1/alerts?status=UNACKNOWLEDGED},
 * {@code POST /api/v1/alerts/{id}/acknowledgement}), called as the member of staff.
 */
public class NotificationAlerts implements AlertFeed {

  /** notification-service's largest page: the newest unacknowledged alerts are the ones to act on. */
  static final int PAGE = 100;

  private final CallsAsStaff calls;

  public NotificationAlerts(String baseUrl, ObjectProvider<StaffAccessTokens> tokens) {
    this.calls = new CallsAsStaff(baseUrl, tokens);
  }

  @Override
  public List<StaffAlert> unacknowledged(Staff staff) {
    String bearer = calls.bearer(staff).orElseThrow(() -> new Unavailable("Sign in again to see alerts."));
    String body;
    try {
      body = calls.client().get().uri("/api/v1/alerts?status=UNACKNOWLEDGED&size={size}", PAGE)
          .header("Authorization", bearer).retrieve().body(String.class);
    } catch (RestClientException e) {
      throw new Unavailable("The alerts service did not answer (" + e.getClass().getSimpleName() + ").");
    }
    JsonNode alerts = EventJson.mapper().readTree(body == null ? "{}" : body).path("alerts");
    return alerts.valueStream().map(NotificationAlerts::alert).toList();
  }

  @Override
  public boolean acknowledge(String alertId, Staff staff) {
    String bearer = calls.bearer(staff).orElseThrow(() -> new Unavailable("Sign in again to acknowledge alerts."));
    try {
      HttpStatusCode status = calls.client().post().uri("/api/v1/alerts/{id}/acknowledgement", alertId)
          .header("Authorization", bearer).retrieve()
          .onStatus(code -> code.value() == 404, (request, response) -> { })
          .toBodilessEntity().getStatusCode();
      return status.is2xxSuccessful();
    } catch (RestClientException e) {
      throw new Unavailable("The alerts service did not answer (" + e.getClass().getSimpleName() + ").");
    }
  }

  private static StaffAlert alert(JsonNode a) {
    String created = CallsAsStaff.text(a, "createdAt");
    return new StaffAlert(CallsAsStaff.text(a, "alertId"), CallsAsStaff.text(a, "referralId"),
        CallsAsStaff.text(a, "reference"), CallsAsStaff.text(a, "type"), CallsAsStaff.text(a, "severity"),
        CallsAsStaff.texts(a, "audience"), created == null ? null : Instant.parse(created),
        CallsAsStaff.text(a, "summary"), CallsAsStaff.texts(a, "reasons"));
  }
}
