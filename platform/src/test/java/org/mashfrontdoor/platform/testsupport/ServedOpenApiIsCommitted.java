package org.mashfrontdoor.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * A service's test that its served {@code /v3/api-docs} is {@code docs/openapi/<spring.application.name>.json}
 * ({@link CommittedOpenApi}): extend it from a {@code @SpringBootTest} on a random port.
 */
public abstract class ServedOpenApiIsCommitted {

  @Value("${spring.application.name}")
  String service;

  @Value("${local.server.port}")
  int port;

  @Test
  void the_served_api_docs_are_the_committed_file() throws Exception {
    HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(200);
    CommittedOpenApi.assertMatches(service, api.body());
  }
}
