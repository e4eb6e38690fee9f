package org.mashfrontdoor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenCallerTest {

  static Jwt jwt(Map<String, Object> claims) {
    Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.now());
    claims.forEach(builder::claim);
    return builder.build();
  }

  @Test
  void a_partner_token_gives_its_id_scopes_and_agency_claims() {
    TokenCaller caller = TokenCaller.of(jwt(Map.of("sub", "police", "scope", "referral:submit  referral:read",
        "agency", "POLICE", "organisation", " ")));
    assertThat(caller.id()).isEqualTo("police");
    assertThat(caller.scopes()).containsExactlyInAnyOrder("referral:submit", "referral:read");
    assertThat(caller.hasScope("referral:read")).isTrue();
    assertThat(caller.roles()).isEmpty();
    assertThat(caller.claim("agency")).hasValue("POLICE");
    assertThat(caller.claim("organisation")).as("blank is absent").isEmpty();
  }

  @Test
  void scopes_may_come_as_an_scp_list_and_roles_as_a_list() {
    TokenCaller caller = TokenCaller.of(jwt(Map.of("sub", "sw-1", "scp", List.of("a", "b"),
        "roles", List.of("MASH_SOCIAL_WORKER"))));
    assertThat(caller.scopes()).containsExactlyInAnyOrder("a", "b");
    assertThat(caller.hasRole("MASH_SOCIAL_WORKER")).isTrue();
    assertThat(caller.hasRole("MASH_MANAGER")).isFalse();
  }

  @Test
  void scopes_and_roles_become_authorities() {
    var authentication = BearerTokenSecurityAutoConfiguration.authenticationConverter().convert(
        jwt(Map.of("sub", "mgr-1", "scope", "referral:read", "roles", List.of("MASH_MANAGER"))));
    assertThat(authentication.getName()).isEqualTo("mgr-1");
    assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
        .contains("SCOPE_referral:read", "ROLE_MASH_MANAGER");
  }
}
