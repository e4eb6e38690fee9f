package org.mashfrontdoor.endtoend;

import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.stream.Stream;
import org.mashfrontdoor.platform.events.EventJson;

/**
 * The local OAuth2/OIDC provider (deploy/auth-server) as its own process, from its -exec jar, on a free port of
 * 127.0.0.1 with a fresh key pair and deploy/local/partners.json: its own process so its Authorization Server
 * auto-configuration never meets the services' contexts (ADR 0009). Its issuer is {@link #url()}.
 */
final class LocalProviderProcess implements AutoCloseable {

  private final Process process;
  private final String url;
  private final Path keys;

  private LocalProviderProcess(Process process, String url, Path keys) {
    this.process = process;
    this.url = url;
    this.keys = keys;
  }

  static LocalProviderProcess start(Path work) throws Exception {
    Path jar;
    try (Stream<Path> built = Files.list(Path.of("..", "auth-server", "target"))) {
      jar = built.filter(p -> p.getFileName().toString().matches("local-auth-server-.*-exec\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("build deploy/auth-server first (./mvnw package)"));
    }
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
        "--server.port=" + port, "--server.address=127.0.0.1", "--mash.auth.keys-dir=" + work.resolve("keys"),
        "--mash.auth.callers=" + Path.of("..", "local", "partners.json"))
        .redirectErrorStream(true).redirectOutput(work.resolve("provider.log").toFile()).start();
    String url = "http://127.0.0.1:" + port;
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
        .until(() -> process.isAlive() && HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(url + "/.well-known/openid-configuration")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    return new LocalProviderProcess(process, url, work.resolve("keys"));
  }

  String url() {
    return url;
  }

  /** The key pair it signs with (made by it, in TokenIssuer.java's layout). */
  Path keys() {
    return keys;
  }

  /** An access token by the client-credentials grant, as a partner system or Prometheus gets one. */
  String clientCredentialsToken(String clientId) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url + "/oauth2/token"))
            .header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((clientId + ":local-only").getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("no token for " + clientId + ": " + response.statusCode() + " " + response.body());
    }
    return EventJson.mapper().readTree(response.body()).get("access_token").asString();
  }

  @Override
  public void close() {
    process.destroy();
  }
}
