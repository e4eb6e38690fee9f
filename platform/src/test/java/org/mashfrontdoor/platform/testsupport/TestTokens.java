package org.mashfrontdoor.platform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.security.TokenClaimsValidation;

/**
 * Signed RS256 access tokens for tests, from an RSA key pair made once per test JVM. Every
 * {@link WithEmbeddedInfrastructure} Spring test trusts its public key (the customizer sets
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location} and the expected issuer {@link #ISSUER}); a
 * test starting a service itself passes {@link #publicKeyLocationArgument()} and {@link #issuerArgument()}. Claims match what the local development issuer ({@code deploy/local/token})
 * puts in its tokens:
 * <pre>{@code
 * String police = TestTokens.partner("police", "POLICE", "West Mercia Police", "referral:submit", "referral:read").mint();
 * String manager = TestTokens.staff("mgr-1", "MASH_MANAGER").mint();
 * String expired = TestTokens.partner(...).expiringAt(Instant.now().minusSeconds(300)).mint();
 * String forged = TestTokens.partner(...).signedByAStranger().mint();
 * String prometheus = TestTokens.metrics().mint();
 * }</pre>
 */
public final class TestTokens {

  public static final String ISSUER = "https://issuer.test/mash";
  public static final String AUDIENCE = "mash-front-door";
  public static final String PUBLIC_KEY_PROPERTY = "spring.security.oauth2.resourceserver.jwt.public-key-location";
  /** The expected issuer of a service trusting a public key ({@code OAUTH2_ISSUER}). */
  public static final String ISSUER_PROPERTY = TokenClaimsValidation.ISSUER_PROPERTY;

  private static final KeyPair TRUSTED = newKeyPair();
  private static final KeyPair STRANGER = newKeyPair();
  private static final Path PUBLIC_KEY_FILE = writePublicKey();

  private TestTokens() {
  }

  /** {@code file:...} of the trusted public key (PEM), for {@value #PUBLIC_KEY_PROPERTY}. */
  public static String publicKeyLocation() {
    return PUBLIC_KEY_FILE.toUri().toString();
  }

  /** {@code --spring.security.oauth2.resourceserver.jwt.public-key-location=file:...} for {@code SpringApplication.run}. */
  public static String publicKeyLocationArgument() {
    return "--" + PUBLIC_KEY_PROPERTY + "=" + publicKeyLocation();
  }

  /** {@code --mash.security.issuer=}{@link #ISSUER}: the issuer a service trusting the key expects; pass it too. */
  public static String issuerArgument() {
    return "--" + ISSUER_PROPERTY + "=" + ISSUER;
  }

  /** Prometheus's client-credentials token: scope {@code metrics:read}, no agency. */
  public static Claims metrics() {
    return new Claims().claim("sub", "prometheus").claim("client_id", "prometheus").claim("scope", "metrics:read");
  }

  /** {@code Authorization} header value of a fresh {@link #metrics()} token, for scraping {@code /actuator/prometheus}. */
  public static String metricsBearer() {
    return bearer(metrics().mint());
  }

  /** A partner system's client-credentials token: {@code sub} = client id, its agency, organisation and scopes. */
  public static Claims partner(String clientId, String agency, String organisation, String... scopes) {
    Claims claims = new Claims().claim("sub", clientId).claim("client_id", clientId).claim("agency", agency)
        .claim("organisation", organisation);
    return scopes.length == 0 ? claims : claims.claim("scope", String.join(" ", scopes));
  }

  /** A member of MASH staff: {@code sub} = staff id, {@code roles} e.g. MASH_SOCIAL_WORKER, MASH_MANAGER. */
  public static Claims staff(String staffId, String... roles) {
    return new Claims().claim("sub", staffId).claim("roles", List.of(roles));
  }

  /** {@code Authorization} header value. */
  public static String bearer(String token) {
    return "Bearer " + token;
  }

  /** The claims of one token to mint; issued now by {@link #ISSUER} for {@link #AUDIENCE}, valid for an hour unless changed. */
  public static final class Claims {
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private KeyPair signer = TRUSTED;

    private Claims() {
      Instant now = Instant.now();
      claims.put("iss", ISSUER);
      claims.put("aud", AUDIENCE);
      claims.put("iat", now.getEpochSecond());
      claims.put("exp", now.plus(Duration.ofHours(1)).getEpochSecond());
      claims.put("jti", UUID.randomUUID().toString());
    }

    /** Sets a claim; {@code null} removes it. */
    public Claims claim(String name, Object value) {
      if (value == null) {
        claims.remove(name);
      } else {
        claims.put(name, value);
      }
      return this;
    }

    public Claims expiringAt(Instant expiry) {
      return claim("exp", expiry.getEpochSecond());
    }

    /** Signed with a key the service does not trust: a forged token. */
    public Claims signedByAStranger() {
      signer = STRANGER;
      return this;
    }

    public String mint() {
      String header = encode(Map.of("alg", "RS256", "typ", "JWT", "kid", "test"));
      String signingInput = header + "." + encode(claims);
      return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
          .encodeToString(sign(signer.getPrivate(), signingInput));
    }
  }

  private static String encode(Map<String, Object> json) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(EventJson.mapper().writeValueAsString(json).getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sign(PrivateKey key, String input) {
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(key);
      rs256.update(input.getBytes(StandardCharsets.US_ASCII));
      return rs256.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path writePublicKey() {
    try {
      Path file = Files.createTempFile("mash-test-issuer-", ".pem");
      file.toFile().deleteOnExit();
      Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(TRUSTED.getPublic().getEncoded())
          + "\n-----END PUBLIC KEY-----\n");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
