package org.mashfrontdoor.notification.adapters.web.ops;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.mashfrontdoor.platform.security.KnownDefaultSecrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Staff sign in to the ops page through the browser at the OIDC provider ({@code MASH_SIGN_IN_ISSUER}; the local
 * stack runs its own): authorization code with PKCE, then a session cookie for this page only (the API stays
 * stateless, bearer tokens only). The ID token's {@code roles} become the session's roles; MASH managers, the head
 * of service and operations staff may see the page. Without a sign-in issuer the page is off (its paths answer
 * 401 like any API path without a token).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${mash.sign-in.issuer-uri:}'.isBlank()")
class OpsPageSecurity {

  static final String REGISTRATION = "mash";
  static final String[] READERS = {"MASH_MANAGER", "HEAD_OF_SERVICE", "OPS"};
  /** notification-service.yml's default for MASH_SIGN_IN_CLIENT_SECRET (the local provider's): refused outside local. */
  static final String DEVELOPMENT_CLIENT_SECRET = "local-only";

  /** The provider is read (discovery) at the first sign-in, not at startup: the service starts without it. */
  @Bean
  ClientRegistrationRepository staffSignIn(@Value("${mash.sign-in.issuer-uri}") String issuer,
      @Value("${mash.sign-in.client-id}") String clientId,
      @Value("${mash.sign-in.client-secret}") String clientSecret, Environment environment) {
    KnownDefaultSecrets.refuseOutsideLocal(environment, "MASH_SIGN_IN_CLIENT_SECRET", clientSecret,
        DEVELOPMENT_CLIENT_SECRET);
    AtomicReference<ClientRegistration> resolved = new AtomicReference<>();
    return registrationId -> {
      if (!REGISTRATION.equals(registrationId)) {
        return null;
      }
      ClientRegistration registration = resolved.get();
      if (registration == null) {
        registration = ClientRegistrations.fromIssuerLocation(issuer)
            .registrationId(REGISTRATION)
            .clientId(clientId)
            .clientSecret(clientSecret)
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .scope("openid", "profile")
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .build();
        resolved.compareAndSet(null, registration);
      }
      return registration;
    };
  }

  @Bean
  @Order(1)
  SecurityFilterChain opsPageChain(HttpSecurity http, ClientRegistrationRepository registrations)
      throws Exception {
    DefaultOAuth2AuthorizationRequestResolver withPkce = new DefaultOAuth2AuthorizationRequestResolver(
        registrations, "/oauth2/authorization");
    withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    return http
        .securityMatcher("/ops", "/ops/**", "/oauth2/authorization/**", "/login/oauth2/code/**", "/logout",
            "/webjars/**", "/assets/**")
        .authorizeHttpRequests(page -> page
            .requestMatchers("/webjars/**", "/assets/**").permitAll()
            .anyRequest().hasAnyRole(READERS))
        .oauth2Login(login -> login
            .loginPage("/oauth2/authorization/" + REGISTRATION)
            .authorizationEndpoint(a -> a.authorizationRequestResolver(withPkce))
            .userInfoEndpoint(u -> u.userAuthoritiesMapper(rolesFromIdToken())))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(signOutAtTheProvider(registrations)))
        .build();
  }

  /**
   * Signing out ends the provider's session too (OIDC RP-initiated logout), else the next visit would be signed
   * straight back in; the provider then sends the browser back to the page, which asks who is there.
   */
  static OidcClientInitiatedLogoutSuccessHandler signOutAtTheProvider(ClientRegistrationRepository registrations) {
    OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
    handler.setPostLogoutRedirectUri("{baseUrl}/ops/");
    return handler;
  }

  /** {@code roles} in the ID token (the provider puts staff roles there) become {@code ROLE_<role>}. */
  static GrantedAuthoritiesMapper rolesFromIdToken() {
    return (Collection<? extends GrantedAuthority> authorities) -> {
      Set<GrantedAuthority> mapped = new HashSet<>(authorities);
      for (GrantedAuthority authority : authorities) {
        if (authority instanceof OidcUserAuthority oidc) {
          List<String> roles = oidc.getIdToken().getClaimAsStringList("roles");
          for (String role : roles == null ? new ArrayList<String>() : roles) {
            mapped.add(new SimpleGrantedAuthority("ROLE_" + role));
          }
        }
      }
      return mapped;
    };
  }
}
