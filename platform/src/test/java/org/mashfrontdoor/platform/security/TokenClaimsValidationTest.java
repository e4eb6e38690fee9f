package org.mashfrontdoor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class TokenClaimsValidationTest {

  static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

  @Test
  void a_public_key_without_an_expected_issuer_stops_start_up_naming_the_setting() {
    assertThatThrownBy(() -> TokenClaimsValidation.from(
        new MockEnvironment().withProperty(JWT + "public-key-location", "file:key.pem")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("OAUTH2_ISSUER");
  }

  @Test
  void the_issuer_uri_is_the_expected_issuer_and_the_audience_defaults_to_the_api() {
    TokenClaimsValidation checks = TokenClaimsValidation.from(
        new MockEnvironment().withProperty(JWT + "issuer-uri", "http://127.0.0.1:9000"));
    assertThat(checks.issuer()).isEqualTo("http://127.0.0.1:9000");
    assertThat(checks.audiences()).containsExactly("mash-front-door");
  }

  @Test
  void with_a_public_key_the_issuer_and_audiences_are_the_settings() {
    TokenClaimsValidation checks = TokenClaimsValidation.from(new MockEnvironment()
        .withProperty(JWT + "public-key-location", "file:key.pem")
        .withProperty("mash.security.issuer", "http://127.0.0.1:9000")
        .withProperty(JWT + "audiences", "api-a, api-b"));
    assertThat(checks.issuer()).isEqualTo("http://127.0.0.1:9000");
    assertThat(checks.audiences()).isEqualTo(List.of("api-a", "api-b"));
  }
}
