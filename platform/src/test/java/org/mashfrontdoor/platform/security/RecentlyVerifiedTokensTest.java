package org.mashfrontdoor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.testsupport.MutableClock;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class RecentlyVerifiedTokensTest {

  static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  final MutableClock clock = new MutableClock(NOW);
  final CountingDecoder decoder = new CountingDecoder();
  final RecentlyVerifiedTokens tokens = new RecentlyVerifiedTokens(decoder, clock);

  @Test
  void a_token_the_decoder_accepted_is_not_verified_again_while_it_is_remembered() {
    decoder.accept("partner-token", NOW.plus(Duration.ofHours(1)));

    Jwt first = tokens.decode("partner-token");
    clock.advance(RecentlyVerifiedTokens.REMEMBERED_FOR.minusSeconds(1));
    Jwt again = tokens.decode("partner-token");

    assertThat(again).isSameAs(first);
    assertThat(decoder.calls).containsExactly("partner-token");
  }

  @Test
  void a_refused_token_is_never_remembered() {
    assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

    assertThat(decoder.calls).containsExactly("forged", "forged");
  }

  @Test
  void a_token_differing_in_any_byte_is_decoded_afresh() {
    decoder.accept("header.claims.signature", NOW.plus(Duration.ofHours(1)));
    tokens.decode("header.claims.signature");

    assertThatThrownBy(() -> tokens.decode("header.claims.signaturf")).isInstanceOf(BadJwtException.class);
    assertThat(decoder.calls).containsExactly("header.claims.signature", "header.claims.signaturf");
  }

  @Test
  void a_token_is_remembered_no_longer_than_its_expiry_so_the_decoder_refuses_it_then() {
    decoder.accept("short-lived", NOW.plus(Duration.ofSeconds(90)));
    tokens.decode("short-lived");

    clock.advance(Duration.ofSeconds(90));
    decoder.refuseFromNowOn("short-lived");

    assertThatThrownBy(() -> tokens.decode("short-lived")).isInstanceOf(BadJwtException.class);
    assertThat(decoder.calls).containsExactly("short-lived", "short-lived");
  }

  @Test
  void a_token_is_remembered_no_longer_than_the_issuer_keys_are_cached() {
    decoder.accept("day-long", NOW.plus(Duration.ofDays(1)));
    tokens.decode("day-long");

    clock.advance(RecentlyVerifiedTokens.REMEMBERED_FOR.minusMillis(1));
    tokens.decode("day-long");
    assertThat(decoder.calls).hasSize(1);

    clock.advance(Duration.ofMillis(1));
    decoder.refuseFromNowOn("day-long"); // say its key was withdrawn
    assertThatThrownBy(() -> tokens.decode("day-long")).isInstanceOf(BadJwtException.class);
    assertThat(decoder.calls).hasSize(2);
  }

  @Test
  void a_token_already_expired_by_the_clock_is_not_served_from_memory() {
    decoder.accept("within-the-decoders-skew", NOW.minusSeconds(30)); // the decoder allows 60 s past exp

    tokens.decode("within-the-decoders-skew");
    tokens.decode("within-the-decoders-skew");

    assertThat(decoder.calls).hasSize(2);
  }

  @Test
  void a_token_bound_to_a_client_certificate_is_decoded_at_every_request() {
    decoder.accept("certificate-bound", NOW.plus(Duration.ofHours(1)));
    decoder.bindToCertificate("certificate-bound");

    tokens.decode("certificate-bound");
    tokens.decode("certificate-bound");

    assertThat(decoder.calls).hasSize(2);
  }

  @Test
  void when_full_a_new_token_is_still_decoded_and_expired_ones_make_room() {
    for (int i = 0; i < RecentlyVerifiedTokens.CAPACITY; i++) {
      decoder.accept("t" + i, NOW.plus(Duration.ofSeconds(60)));
      tokens.decode("t" + i);
    }
    decoder.accept("one-more", NOW.plus(Duration.ofHours(1)));
    tokens.decode("one-more");
    tokens.decode("one-more");
    assertThat(decoder.calls.stream().filter("one-more"::equals)).hasSize(2); // not remembered: full

    clock.advance(Duration.ofSeconds(60)); // every t<i> has expired
    tokens.decode("one-more");
    tokens.decode("one-more");
    assertThat(decoder.calls.stream().filter("one-more"::equals)).hasSize(3); // remembered now
  }

  /** A decoder that accepts the tokens it was told to, until told otherwise, and counts its calls. */
  static final class CountingDecoder implements JwtDecoder {
    final List<String> calls = new ArrayList<>();
    private final Map<String, Instant> accepted = new java.util.HashMap<>();
    private final Set<String> refused = new HashSet<>();

    void accept(String token, Instant expires) {
      accepted.put(token, expires);
    }

    private final Set<String> certificateBound = new HashSet<>();

    void bindToCertificate(String token) {
      certificateBound.add(token);
    }

    void refuseFromNowOn(String token) {
      refused.add(token);
    }

    @Override
    public Jwt decode(String token) {
      calls.add(token);
      if (!accepted.containsKey(token) || refused.contains(token)) {
        throw new BadJwtException("refused");
      }
      Instant expires = accepted.get(token);
      Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("caller")
          .issuedAt(expires.minus(Duration.ofHours(2))).expiresAt(expires);
      if (certificateBound.contains(token)) {
        jwt.claim("cnf", Map.of("x5t#S256", "thumbprint"));
      }
      return jwt.build();
    }
  }
}
