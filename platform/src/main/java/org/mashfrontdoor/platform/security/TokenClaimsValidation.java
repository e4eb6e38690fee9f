package org.mashfrontdoor.platform.security;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.util.StringUtils;

/**
 * The claims every token must pass, whichever decoder Boot builds: Boot checks the issuer only with an issuer URI,
 * the audience only when configured, and {@code exp} only when present (a token without one would never expire).
 * Boot adds every {@code OAuth2TokenValidator<Jwt>} bean to its decoder's own (signature, {@code exp}/{@code nbf}
 * with 60 s skew).
 *
 * <p>The expected issuer is {@code OAUTH2_ISSUER_URI}'s (discovery) or, with a public key or JWK set instead,
 * {@value #ISSUER_PROPERTY} ({@code OAUTH2_ISSUER}), which is then required. The audiences are
 * {@code OAUTH2_AUDIENCES}, {@value #DEFAULT_AUDIENCE} when unset.
 */
public final class TokenClaimsValidation implements OAuth2TokenValidator<Jwt> {

  public static final String ISSUER_PROPERTY = "mash.security.issuer";
  public static final String DEFAULT_AUDIENCE = "mash-front-door";
  private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

  private final String issuer;
  private final List<String> audiences;
  private final OAuth2TokenValidator<Jwt> checks;

  public TokenClaimsValidation(String issuer, List<String> audiences) {
    if (!StringUtils.hasText(issuer)) {
      throw new IllegalArgumentException("An expected token issuer is required");
    }
    if (audiences.isEmpty()) {
      throw new IllegalArgumentException("At least one expected token audience is required");
    }
    this.issuer = issuer;
    this.audiences = List.copyOf(audiences);
    this.checks = new DelegatingOAuth2TokenValidator<>(
        new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull),
        new JwtIssuerValidator(issuer),
        new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
            aud -> aud != null && aud.stream().anyMatch(this.audiences::contains)));
  }

  /** From the service's settings; a decoder configured without an expected issuer stops start-up. */
  static TokenClaimsValidation from(Environment environment) {
    String issuerUri = environment.getProperty(JWT + "issuer-uri", "");
    String issuer = StringUtils.hasText(issuerUri) ? issuerUri : environment.getProperty(ISSUER_PROPERTY, "");
    boolean keyConfigured = StringUtils.hasText(environment.getProperty(JWT + "public-key-location"))
        || StringUtils.hasText(environment.getProperty(JWT + "jwk-set-uri"));
    if (!StringUtils.hasText(issuer)) {
      if (keyConfigured) {
        throw new IllegalStateException("OAUTH2_ISSUER (" + ISSUER_PROPERTY + ") must be set: the issuer whose tokens"
            + " this service accepts with OAUTH2_PUBLIC_KEY_LOCATION; every token's iss is checked against it");
      }
      // No decoder, so no token reaches this; a chain with rules and no decoder refuses to start anyway.
      issuer = "urn:mash:no-issuer-configured";
    }
    List<String> audiences = Arrays.stream(environment.getProperty(JWT + "audiences", "").split(","))
        .map(String::trim).filter(StringUtils::hasText).toList();
    return new TokenClaimsValidation(issuer, audiences.isEmpty() ? List.of(DEFAULT_AUDIENCE) : audiences);
  }

  public String issuer() {
    return issuer;
  }

  public List<String> audiences() {
    return audiences;
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt token) {
    return checks.validate(token);
  }
}
