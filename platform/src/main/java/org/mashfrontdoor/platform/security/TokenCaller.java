package org.mashfrontdoor.platform.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller of the current request as its verified bearer token says: {@code sub} is the caller's id (a partner's
 * client id, or a member of staff), {@code scope} (or {@code scp}) its scopes, {@code roles} its roles. Web adapters
 * build their own caller (a partner, a member of staff) from this, so nothing past them sees a token.
 */
public record TokenCaller(String id, Set<String> scopes, Set<String> roles, Jwt token) {

  public static final String ROLES_CLAIM = "roles";

  /** The token's caller, if this request carried a verified bearer token. */
  public static Optional<TokenCaller> current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication instanceof JwtAuthenticationToken jwt ? Optional.of(of(jwt.getToken())) : Optional.empty();
  }

  public static TokenCaller of(Jwt jwt) {
    return new TokenCaller(jwt.getSubject(), scopes(jwt), strings(jwt.getClaim(ROLES_CLAIM)), jwt);
  }

  public boolean hasScope(String scope) {
    return scopes.contains(scope);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /** A string claim; empty when absent or blank. */
  public Optional<String> claim(String name) {
    Object value = token.getClaims().get(name);
    return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }

  private static Set<String> scopes(Jwt jwt) {
    Object scope = jwt.getClaims().get("scope");
    if (scope == null) {
      scope = jwt.getClaims().get("scp");
    }
    if (scope instanceof String s) {
      return s.isBlank() ? Set.of() : Set.of(s.trim().split("\\s+"));
    }
    return strings(scope);
  }

  private static Set<String> strings(Object claim) {
    Set<String> values = new LinkedHashSet<>();
    if (claim instanceof Collection<?> collection) {
      collection.forEach(v -> values.add(String.valueOf(v)));
    } else if (claim instanceof String s && !s.isBlank()) {
      values.add(s);
    }
    return Set.copyOf(values);
  }
}
