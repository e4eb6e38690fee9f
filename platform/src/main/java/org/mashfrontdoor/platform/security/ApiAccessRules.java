package org.mashfrontdoor.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's access rules for its API, declared as a bean; declaring one is how a service opts in to bearer-token
 * security ({@link BearerTokenSecurityAutoConfiguration}). The platform has already opened health probes, the
 * OpenAPI document, Swagger UI and published schemas, and given metrics to scope {@code metrics:read}; whatever the
 * rules leave unmatched is denied, so a GET rule that HEAD should pass names HEAD too. Scopes are authorities
 * {@code SCOPE_<scope>}, the {@code roles} claim gives {@code ROLE_<role>}:
 * <pre>{@code
 * @Bean ApiAccessRules triageAccess() {
 *   return api -> api.requestMatchers("/api/v1/triage/**").hasAnyRole("MASH_SOCIAL_WORKER", "MASH_MANAGER");
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ApiAccessRules {

  void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry api);
}
