package org.mashfrontdoor.localauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider over real HTTP on a random port, started as another module's test would start it, with a key pair
 * made by deploy/local/TokenIssuer.java and the callers of deploy/local/partners.json.
 */
class LocalAuthServerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** Registered as 127.0.0.1:8084; another port on 127.0.0.1 must be accepted too (RFC 8252 loopback rule). */
  private static final String OPS_PAGE_REDIRECT = "http://127.0.0.1:45678/login/oauth2/code/mash";

  @TempDir
  static Path keys;
  static ConfigurableApplicationContext provider;
  static String base;
  static NimbusJwtDecoder devSignerKey;

  @BeforeAll
  static void start() throws Exception {
    Process tokenIssuer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "../local/TokenIssuer.java", "keys", keys.toString()).inheritIO().start();
    assertThat(tokenIssuer.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(tokenIssuer.exitValue()).isZero();
    provider = LocalAuthServer.application().run("--server.port=0", "--mash.auth.keys-dir=" + keys,
        "--mash.auth.callers=../local/partners.json");
    base = "http://127.0.0.1:" + ((WebServerApplicationContext) provider).getWebServer().getPort();
    byte[] der = Base64.getMimeDecoder().decode(
        Files.readString(keys.resolve("public-key.pem")).replaceAll("-----[A-Z ]+-----", ""));
    devSignerKey = NimbusJwtDecoder.withPublicKey(
        (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der))).build();
  }

  @AfterAll
  static void stop() {
    if (provider != null) {
      provider.close();
    }
  }

  @Test
  void publishesTheOidcDiscoveryDocumentAndTheDevSignersKey() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Map<String, Object> discovery = json(http.send(
        HttpRequest.newBuilder(URI.create(base + "/.well-known/openid-configuration")).build(),
        HttpResponse.BodyHandlers.ofString()).body());

    assertThat(discovery).containsEntry("issuer", base)
        .containsEntry("authorization_endpoint", base + "/oauth2/authorize")
        .containsEntry("token_endpoint", base + "/oauth2/token")
        .containsEntry("jwks_uri", base + "/oauth2/jwks");
    assertThat(discovery.get("code_challenge_methods_supported")).asList().contains("S256");
    assertThat(discovery).containsKey("end_session_endpoint");

    String jwks = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/jwks")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(jwks).contains(Files.readString(keys.resolve("kid")).strip());
  }

  @Test
  void partnerGetsAClientCredentialsTokenShapedLikeTheDevSignersOne() throws Exception {
    HttpResponse<String> response = token("west-mercia-police", Map.of("grant_type", "client_credentials"));

    assertThat(response.statusCode()).isEqualTo(200);
    Jwt token = devSignerKey.decode((String) json(response.body()).get("access_token"));
    assertThat(token.getIssuer()).hasToString(base);
    assertThat(token.getAudience()).containsExactly("mash-front-door");
    assertThat(token.getSubject()).isEqualTo("west-mercia-police");
    assertThat(token.getClaims()).containsEntry("agency", "POLICE")
        .containsEntry("organisation", "West Mercia Police")
        .containsEntry("client_id", "west-mercia-police")
        .containsEntry("scope", "referral:submit referral:read");
  }

  @Test
  void partnerAskingForOneScopeGetsOnlyThatOne() throws Exception {
    HttpResponse<String> response = token("bishops-oak-primary",
        Map.of("grant_type", "client_credentials", "scope", "referral:read"));

    Jwt token = devSignerKey.decode((String) json(response.body()).get("access_token"));
    assertThat(token.getClaims()).containsEntry("scope", "referral:read").containsEntry("agency", "SCHOOL");
  }

  @Test
  void prometheusGetsAMetricsTokenWithNoAgency() throws Exception {
    HttpResponse<String> response = token("prometheus", Map.of("grant_type", "client_credentials"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Jwt token = devSignerKey.decode((String) json(response.body()).get("access_token"));
    assertThat(token.getIssuer()).hasToString(base);
    assertThat(token.getAudience()).containsExactly("mash-front-door");
    assertThat(token.getSubject()).isEqualTo("prometheus");
    assertThat(token.getClaims()).containsEntry("scope", "metrics:read").containsEntry("client_id", "prometheus")
        .doesNotContainKeys("agency", "organisation", "roles");
  }

  @Test
  void wrongClientSecretIsRefused() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(base + "/oauth2/token"))
        .header("Authorization", basic("west-mercia-police", "guess"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void staffMemberSignsInWithAuthorizationCodeAndPkce() throws Exception {
    Browser browser = new Browser();
    String verifier = randomUrlSafe();
    String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    String authorize = authorizeUrl(Map.of("code_challenge", challenge, "code_challenge_method", "S256"));

    HttpResponse<String> toLogin = browser.get(authorize);
    assertThat(toLogin.statusCode()).isEqualTo(302);
    assertThat(location(toLogin)).isEqualTo(base + "/login");
    HttpResponse<String> signedIn = browser.signIn("ops", "local-only");
    assertThat(signedIn.statusCode()).isEqualTo(302);
    HttpResponse<String> toClient = browser.get(location(signedIn));
    assertThat(toClient.statusCode()).isEqualTo(302);
    String callback = location(toClient);
    assertThat(callback).startsWith(OPS_PAGE_REDIRECT + "?");
    Map<String, String> callbackQuery = query(URI.create(callback));
    assertThat(callbackQuery).containsEntry("state", "st4te").containsKey("code");

    HttpResponse<String> exchanged = token("mash-ops-page", Map.of("grant_type", "authorization_code",
        "code", callbackQuery.get("code"), "redirect_uri", OPS_PAGE_REDIRECT, "code_verifier", verifier));

    assertThat(exchanged.statusCode()).isEqualTo(200);
    Map<String, Object> tokens = json(exchanged.body());
    assertThat(tokens).containsKey("refresh_token");
    Jwt idToken = devSignerKey.decode((String) tokens.get("id_token"));
    assertThat(idToken.getClaimAsStringList("roles")).containsExactly("OPS");
    assertThat(idToken.getClaims()).containsEntry("name", "Oakley Operations").containsEntry("nonce", "n0nce");
    assertThat(idToken.getSubject()).isEqualTo("ops");
    assertThat(idToken.getAudience()).containsExactly("mash-ops-page");
    assertThat(idToken.getIssuer()).hasToString(base);
    Jwt accessToken = devSignerKey.decode((String) tokens.get("access_token"));
    assertThat(accessToken.getClaimAsStringList("roles")).containsExactly("OPS");
    assertThat(accessToken.getAudience()).containsExactly("mash-front-door");
    assertThat(accessToken.getSubject()).isEqualTo("ops");

    // The page on another loopback port (a test's) is sent back there too: its sign-out ends this session.
    HttpResponse<String> signedOut = browser.get(base + "/connect/logout?" + form(Map.of(
        "id_token_hint", idToken.getTokenValue(), "post_logout_redirect_uri", "http://127.0.0.1:45123/ops/")));
    assertThat(location(signedOut)).isEqualTo("http://127.0.0.1:45123/ops/");
    assertThat(location(browser.get(authorize))).as("signed out").isEqualTo(base + "/login");
  }

  @Test
  void wrongPasswordIsRefused() throws Exception {
    Browser browser = new Browser();
    browser.get(authorizeUrl(Map.of("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        "code_challenge_method", "S256")));

    HttpResponse<String> refused = browser.signIn("ops", "not-the-password");

    assertThat(location(refused)).isEqualTo(base + "/login?error");
    assertThat(browser.get(base + "/login?error").body()).contains("There is a problem");
    assertThat(location(browser.get(authorizeUrl(Map.of("code_challenge",
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge_method", "S256")))))
        .as("still not signed in").isEqualTo(base + "/login");
  }

  @Test
  void authorizeRequestWithoutPkceIsRefusedEvenWhenSignedIn() throws Exception {
    Browser browser = new Browser();
    browser.get(base + "/login");
    assertThat(location(browser.signIn("mash-manager", "local-only"))).isEqualTo(base + "/");

    HttpResponse<String> refused = browser.get(authorizeUrl(Map.of()));

    assertThat(refused.statusCode()).isEqualTo(302);
    Map<String, String> callback = query(URI.create(location(refused)));
    assertThat(callback).containsEntry("error", "invalid_request").doesNotContainKey("code");
  }

  @Test
  void onlyThePortOfARegisteredLoopbackRedirectMayVary() throws Exception {
    Browser browser = new Browser();
    browser.get(base + "/login");
    browser.signIn("ops", "local-only");
    Map<String, String> pkce = Map.of("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        "code_challenge_method", "S256");

    for (String elsewhere : List.of("http://127.0.0.1:45678/somewhere-else",
        "http://attacker.example:8084/login/oauth2/code/mash")) {
      Map<String, String> parameters = new LinkedHashMap<>(pkce);
      parameters.put("redirect_uri", elsewhere);
      HttpResponse<String> refused = browser.get(authorizeUrl(parameters));
      assertThat(refused.statusCode()).as(elsewhere).isEqualTo(400);
    }
  }

  private static String authorizeUrl(Map<String, String> extra) {
    Map<String, String> parameters = new LinkedHashMap<>(Map.of("response_type", "code",
        "client_id", "mash-ops-page", "redirect_uri", OPS_PAGE_REDIRECT, "scope", "openid profile",
        "state", "st4te", "nonce", "n0nce"));
    parameters.putAll(extra);
    return base + "/oauth2/authorize?" + form(parameters);
  }

  private static HttpResponse<String> token(String clientId, Map<String, String> parameters) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
            .header("Authorization", basic(clientId, "local-only"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(parameters))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A browser: keeps its session cookie, asks for HTML, and lets the test follow each redirect itself. */
  private static final class Browser {
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String url) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
          HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the login form the way a browser would, with the CSRF token from the form itself. */
    HttpResponse<String> signIn(String username, String password) throws Exception {
      String page = get(base + "/login").body();
      Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
      assertThat(csrf.find()).as("CSRF token in the login form").isTrue();
      assertThat(page).contains("MASH Front Door").contains("name=\"username\"").contains("name=\"password\"");
      return http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Accept", "text/html")
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                  "_csrf", csrf.group(1))))).build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  private static String location(HttpResponse<?> response) {
    String location = response.headers().firstValue("Location").orElseThrow();
    return location.startsWith("/") ? base + location : location;
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return values;
  }

  private static String form(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String randomUrlSafe() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String body) {
    return JSON.readValue(body, Map.class);
  }

}
