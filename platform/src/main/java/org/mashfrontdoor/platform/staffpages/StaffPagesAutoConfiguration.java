package org.mashfrontdoor.platform.staffpages;

import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.mashfrontdoor.platform.security.KnownDefaultSecrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.AuthenticatedPrincipalOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Staff sign in to a service's pages ({@link StaffPage}) through the browser at the OIDC provider
 * ({@code mash.sign-in.issuer-uri}, {@code MASH_SIGN_IN_ISSUER}; the local stack runs its own): authorization code
 * with PKCE, then a session cookie for the pages only (the API stays stateless, bearer tokens only). The ID token's
 * {@code roles} become the session's roles; signing out ends the provider's session too. Every page answer carries
 * {@link ContentSecurityPolicy}. One setup for every service with pages (notification's ops page, triage's workspace).
 */
@AutoConfiguration(beforeName = {
    "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
    "org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = {"org.springframework.security.oauth2.client.registration.ClientRegistrationRepository",
    "org.springframework.security.config.annotation.web.builders.HttpSecurity"})
@ConditionalOnBean(StaffPage.class)
@ConditionalOnExpression("!'${mash.sign-in.issuer-uri:}'.isBlank()")
public class StaffPagesAutoConfiguration {

  /** The registration id, so the provider's redirect URI ends {@code /login/oauth2/code/mash}. */
  public static final String REGISTRATION = "mash";
  /** The default client secret (the local provider's, published): refused outside the local stack. */
  static final String DEVELOPMENT_CLIENT_SECRET = "local-only";
  /** Shared by every page: the sign-in round trip, sign-out, GOV.UK Frontend's files. */
  static final String[] SIGN_IN_PATHS = {"/oauth2/authorization/**", "/login/oauth2/code/**", "/logout"};
  static final String[] OPEN_ASSETS = {"/webjars/**", "/assets/**"};

  /** The provider is read (discovery) at the first sign-in, not at startup: the service starts without it. */
  @Bean
  @ConditionalOnMissingBean
  ClientRegistrationRepository staffSignIn(@Value("${mash.sign-in.issuer-uri}") String issuer,
      @Value("${mash.sign-in.client-id}") String clientId,
      @Value("${mash.sign-in.client-secret:" + DEVELOPMENT_CLIENT_SECRET + "}") String clientSecret,
      Environment environment) {
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

  /** Who signed in with which tokens, by staff id (so a live stream can call an API as them off the request). */
  @Bean
  @ConditionalOnMissingBean
  OAuth2AuthorizedClientService staffAuthorizedClients(ClientRegistrationRepository registrations) {
    return new InMemoryOAuth2AuthorizedClientService(registrations);
  }

  @Bean
  @ConditionalOnMissingBean
  OAuth2AuthorizedClientRepository staffAuthorizedClientRepository(OAuth2AuthorizedClientService clients) {
    return new AuthenticatedPrincipalOAuth2AuthorizedClientRepository(clients);
  }

  @Bean
  @ConditionalOnMissingBean
  StaffAccessTokens staffAccessTokens(ClientRegistrationRepository registrations,
      OAuth2AuthorizedClientService clients) {
    return StaffAccessTokens.fromSignIns(registrations, clients);
  }

  /** Before the API's chain, which matches everything else ({@code mashApiSecurity}, lowest order). */
  @Bean
  @Order(1)
  SecurityFilterChain staffPageChain(HttpSecurity http, ClientRegistrationRepository registrations,
      StaffPage page, @Value("${mash.sign-in.issuer-uri}") String issuer) throws Exception {
    DefaultOAuth2AuthorizationRequestResolver withPkce = new DefaultOAuth2AuthorizationRequestResolver(
        registrations, "/oauth2/authorization");
    withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    List<String> paths = new ArrayList<>(List.of(page.prefix(), page.home() + "**"));
    paths.addAll(List.of(SIGN_IN_PATHS));
    paths.addAll(List.of(OPEN_ASSETS));
    return http
        .securityMatcher(paths.toArray(String[]::new))
        .authorizeHttpRequests(pages -> pages
            // The container's second dispatch of a request authorised at its first: a live part's stream ending
            // after its page's session did (signed out, timed out). Refused, it could only write a refusal into a
            // response already sent (an error and a stack trace); no client can ask for an ASYNC dispatch.
            .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
            .requestMatchers(OPEN_ASSETS).permitAll()
            .anyRequest().hasAnyRole(page.roles().toArray(String[]::new)))
        .oauth2Login(login -> login
            .loginPage("/oauth2/authorization/" + REGISTRATION)
            .authorizationEndpoint(a -> a.authorizationRequestResolver(withPkce))
            .userInfoEndpoint(u -> u.userAuthoritiesMapper(rolesFromIdToken())))
        .logout(logout -> logout.logoutUrl("/logout")
            .logoutSuccessHandler(signOutAtTheProvider(registrations, page.home())))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.forPagesSigningInAt(issuer)))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
        .build();
  }

  /**
   * Signing out ends the provider's session too (OIDC RP-initiated logout), else the next visit would be signed
   * straight back in; the provider then sends the browser back to the pages, which ask who is there.
   */
  static OidcClientInitiatedLogoutSuccessHandler signOutAtTheProvider(ClientRegistrationRepository registrations,
      String home) {
    OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
    handler.setPostLogoutRedirectUri("{baseUrl}" + home);
    return handler;
  }

  /** {@code roles} in the ID token (the provider puts staff roles there) become {@code ROLE_<role>}. */
  static GrantedAuthoritiesMapper rolesFromIdToken() {
    return (Collection<? extends GrantedAuthority> authorities) -> {
      Set<GrantedAuthority> mapped = new HashSet<>(authorities);
      for (GrantedAuthority authority : authorities) {
        if (authority instanceof OidcUserAuthority oidc) {
          List<String> roles = oidc.getIdToken().getClaimAsStringList("roles");
          for (String role : roles == null ? List.<String>of() : roles) {
            mapped.add(new SimpleGrantedAuthority("ROLE_" + role));
          }
        }
      }
      return mapped;
    };
  }
}
