package org.mashfrontdoor.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The API's token decoder, remembering the tokens it has verified for a minute: a partner system sends the same
 * bearer token with every MARF until it expires, and about a ninth of intake's CPU samples were parsing it and
 * checking its signature and claims again (docs/performance.md).
 *
 * <p>Only a token the decoder accepted is remembered, by its whole compact form (header, claims and signature, so a
 * token differing in any byte is decoded afresh), and only until the earlier of its {@code exp} and
 * {@link #REMEMBERED_FOR} after it was verified. So the time checks never pass a remembered token the decoder would
 * refuse (it allows 60 s past {@code exp}), and a signing key the issuer withdraws is honoured at most
 * {@link #REMEMBERED_FOR} longer than the decoder alone would honour it. A token bound to a client certificate
 * ({@code cnf}) is never remembered, since its check belongs to each request. At most {@link #CAPACITY} tokens are
 * remembered; past that a token is decoded every time.
 */
public final class RecentlyVerifiedTokens implements JwtDecoder {

  /** Short next to a token's life and to the decoder's 5-minute cache of the issuer's keys; one decode a minute. */
  public static final Duration REMEMBERED_FOR = Duration.ofMinutes(1);
  /** Partner systems and signed-in staff hold a token each: a thousand is many, and a few megabytes at most. */
  public static final int CAPACITY = 1_000;

  private record Verified(Jwt jwt, Instant until) {}

  private final JwtDecoder decoder;
  private final Clock clock;
  private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

  /** {@code clock}: the one the decoder's {@code exp} check reads (Spring Security's is the system's, in UTC). */
  public RecentlyVerifiedTokens(JwtDecoder decoder, Clock clock) {
    this.decoder = decoder;
    this.clock = clock;
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    Instant now = clock.instant();
    Verified known = verified.get(token);
    if (known != null && now.isBefore(known.until())) {
      return known.jwt();
    }
    Jwt jwt = decoder.decode(token);
    remember(token, jwt, now);
    return jwt;
  }

  private void remember(String token, Jwt jwt, Instant now) {
    Instant expires = jwt.getExpiresAt();
    if (expires == null || jwt.hasClaim("cnf")) {
      return; // no end (TokenClaimsValidation refuses it anyway), or bound to the certificate of each request
    }
    Instant until = now.plus(REMEMBERED_FOR);
    if (expires.isBefore(until)) {
      until = expires;
    }
    if (!now.isBefore(until)) {
      return;
    }
    if (verified.size() >= CAPACITY) {
      verified.values().removeIf(v -> !now.isBefore(v.until()));
      if (verified.size() >= CAPACITY) {
        return;
      }
    }
    verified.put(token, new Verified(jwt, until));
  }
}
