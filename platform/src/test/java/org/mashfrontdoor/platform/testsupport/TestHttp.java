package org.mashfrontdoor.platform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * HTTP to a service under test on 127.0.0.1, with its answers as strings. Tokens are the bare ones
 * {@code TestTokens...mint()} returns; a null token sends no {@code Authorization} header. Redirects are not followed.
 * <pre>{@code
 * TestHttp http = TestHttp.on(port);
 * HttpResponse<String> page = http.get("/api/v1/referrals", token);
 * HttpResponse<String> accepted = http.send(http.request("/api/v1/referrals", token)
 *     .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(marf)));
 * }</pre>
 */
public final class TestHttp {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final int port;

  private TestHttp(int port) {
    this.port = port;
  }

  public static TestHttp on(int port) {
    return new TestHttp(port);
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** A request to {@code path} carrying {@code token} as a bearer token (none when null). */
  public HttpRequest.Builder request(String path, String token) {
    return withBearer(HttpRequest.newBuilder(uri(path)), token);
  }

  /** Adds {@code Authorization: Bearer token}, unless {@code token} is null. */
  public static HttpRequest.Builder withBearer(HttpRequest.Builder request, String token) {
    return token == null ? request : request.header("Authorization", TestTokens.bearer(token));
  }

  public HttpResponse<String> get(String path, String token) {
    return send(request(path, token).GET());
  }

  /** POSTs no body: a command named by its path. */
  public HttpResponse<String> post(String path, String token) {
    return send(request(path, token).POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** POSTs {@code json} as {@code application/json}, with any further header name-value pairs. */
  public HttpResponse<String> postJson(String path, String token, String json, String... headers) {
    HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    return send(headers.length == 0 ? request : request.headers(headers));
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    return send(request.build());
  }

  public static HttpResponse<String> send(HttpRequest request) {
    return send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Sends with the given body handler, e.g. {@code BodyHandlers.discarding()} for a HEAD. */
  public static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return CLIENT.send(request, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted awaiting " + request.uri(), e);
    }
  }
}
