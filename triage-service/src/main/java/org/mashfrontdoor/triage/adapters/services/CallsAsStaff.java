package org.mashfrontdoor.triage.adapters.services;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.mashfrontdoor.platform.staffpages.StaffAccessTokens;
import org.mashfrontdoor.triage.domain.Staff;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Calls to another MASH service's API as the signed-in member of staff: with their own access token (relayed from
 * their sign-in, refreshed when due), so the other service applies their roles and records their name. Short
 * timeouts: a page waits a few seconds at most for another service.
 */
final class CallsAsStaff {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

  private final ObjectProvider<StaffAccessTokens> tokens;
  private final RestClient client;

  CallsAsStaff(String baseUrl, ObjectProvider<StaffAccessTokens> tokens) {
    this.tokens = tokens;
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build());
    requests.setReadTimeout(READ_TIMEOUT);
    this.client = RestClient.builder().baseUrl(baseUrl).requestFactory(requests).build();
  }

  RestClient client() {
    return client;
  }

  /** {@code Bearer <token>} of {@code staff}'s sign-in; empty if they are not signed in here (the API, or expired). */
  java.util.Optional<String> bearer(Staff staff) {
    StaffAccessTokens available = tokens.getIfAvailable();
    return available == null ? java.util.Optional.empty() : available.of(staff.id()).map(token -> "Bearer " + token);
  }

  /** The text of a string field, or null. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  static List<String> texts(JsonNode node, String field) {
    JsonNode values = node.get(field);
    return values == null || !values.isArray() ? List.of()
        : values.valueStream().map(JsonNode::asString).toList();
  }
}
