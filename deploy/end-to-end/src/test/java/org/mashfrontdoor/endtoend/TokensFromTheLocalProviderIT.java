package org.mashfrontdoor.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.mashfrontdoor.triage.TriageServiceApplication;

/**
 * What deploy/local/up sets up: a service verifying tokens by discovery at the local provider
 * ({@code OAUTH2_ISSUER_URI}), and Prometheus scraping it with the provider's client-credentials token.
 */
@WithEmbeddedInfrastructure
@DisplayName("A service trusting the local provider by discovery: Prometheus's token scrapes, others may not")
class TokensFromTheLocalProviderIT {

  static final ServicesInProcess services = new ServicesInProcess();
  static LocalProviderProcess provider;
  static String triage;

  @BeforeAll
  static void start(@TempDir Path work) throws Exception {
    provider = LocalProviderProcess.start(work);
    triage = services.startTrustingIssuer(provider.url(), TriageServiceApplication.application(),
        "provider_tokens_" + UUID.randomUUID().toString().substring(0, 8));
  }

  @AfterAll
  static void stop() {
    services.close();
    if (provider != null) {
      provider.close();
    }
  }

  static int status(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(triage + path));
    if (token != null) {
      request.header("Authorization", TestTokens.bearer(token));
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void prometheus_scrapes_with_its_client_credentials_and_nobody_else_does() throws Exception {
    assertThat(status("/actuator/prometheus", provider.clientCredentialsToken("prometheus"))).isEqualTo(200);
    assertThat(status("/actuator/prometheus", null)).isEqualTo(401);
    assertThat(status("/actuator/prometheus", provider.clientCredentialsToken("west-mercia-police"))).isEqualTo(403);
    assertThat(status("/api/v1/triage/queue", provider.clientCredentialsToken("prometheus"))).isEqualTo(403);
  }

  @Test
  void deploy_local_token_signs_tokens_the_service_accepts_by_discovery(@TempDir Path work) throws Exception {
    // deploy/local/token runs TokenIssuer.java with partners.json, whose issuer is the provider's (here on a free
    // port instead of 9000, so a copy names it) and the provider's key pair.
    Path callers = work.resolve("partners.json");
    Files.writeString(callers, Files.readString(Path.of("..", "local", "partners.json"))
        .replace("\"issuer\": \"http://127.0.0.1:9000\"", "\"issuer\": \"" + provider.url() + "\""));
    Process issuer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        Path.of("..", "local", "TokenIssuer.java").toString(), "token", provider.keys().toString(),
        callers.toString(), "prometheus", "police").redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<String> tokens = new String(issuer.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertThat(issuer.waitFor()).isZero();

    assertThat(tokens).hasSize(2);
    assertThat(status("/actuator/prometheus", tokens.get(0))).isEqualTo(200);
    assertThat(status("/actuator/prometheus", tokens.get(1))).isEqualTo(403);
  }

  @Test
  void a_token_signed_elsewhere_with_the_same_claims_is_refused() throws Exception {
    // TestTokens' key is not the provider's, and its issuer is not the provider's either.
    assertThat(status("/actuator/prometheus", TestTokens.metrics().mint())).isEqualTo(401);
    assertThat(status("/actuator/prometheus", TestTokens.metrics().claim("iss", provider.url()).mint()))
        .isEqualTo(401);
  }
}
