package org.mashfrontdoor.localauth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Clients, users, key and endpoints. Everything is in memory and rebuilt from partners.json at start: this is a
 * development provider, nothing it issues needs to outlive it.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

  /** Every client secret and staff password on the local stack (published in the README: local only). */
  static final String LOCAL_SECRET = "local-only";
  /** Hashed, though published: the in-memory client store refuses two clients with the same stored secret. */
  private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();
  static final String OPS_PAGE_CLIENT = "mash-ops-page";
  static final String WORKSPACE_CLIENT = "mash-workspace";

  @Bean
  Callers callers(AuthSettings settings) {
    return Callers.read(settings.callersPath());
  }

  /** The OAuth2 and OIDC endpoints; a browser not signed in is sent to the login form. */
  @Bean
  @Order(1)
  SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
    http.oauth2AuthorizationServer(server -> {
          http.securityMatcher(server.getEndpointsMatcher());
          server.oidc(oidc -> oidc.logoutEndpoint(logout -> logout.authenticationProviders(providers ->
              providers.stream().filter(OidcLogoutAuthenticationProvider.class::isInstance)
                  .map(OidcLogoutAuthenticationProvider.class::cast)
                  .forEach(provider -> provider.setAuthenticationValidator(new LoopbackPostLogout())))));
        })
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
        // Userinfo is called with the access token the provider issued.
        .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
    return http.build();
  }

  /** Sign-in ({@link SignInPage}: {@code username}, {@code password}, CSRF token) for everything else. */
  @Bean
  @Order(2)
  SecurityFilterChain signIn(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").permitAll())
        .build();
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings(AuthSettings settings) {
    AuthorizationServerSettings.Builder builder = AuthorizationServerSettings.builder();
    if (settings.issuer() != null && !settings.issuer().isBlank()) {
      builder.issuer(settings.issuer());
    }
    return builder.build();
  }

  @Bean
  JWKSource<SecurityContext> jwkSource(AuthSettings settings) {
    RSAKey key = SigningKey.loadOrCreate(settings.keysPath());
    return new ImmutableJWKSet<>(new JWKSet(key));
  }

  @Bean
  JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
    return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
  }

  @Bean
  UserDetailsService staff(Callers callers) {
    return new InMemoryUserDetailsManager(callers.staff().stream()
        .map(member -> User.withUsername(member.id()).password(ENCODER.encode(LOCAL_SECRET))
            .roles(member.roles().toArray(String[]::new)).build())
        .toList());
  }

  @Bean
  RegisteredClientRepository clients(Callers callers, AuthSettings settings) {
    TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(callers.lifetime()).build();
    List<RegisteredClient> clients = new ArrayList<>();
    for (Callers.Caller client : callers.clients()) {
      clients.add(RegisteredClient.withId(UUID.randomUUID().toString())
          .clientId(client.clientId())
          .clientName(client.claim("organisation").orElse(client.id()))
          .clientSecret(ENCODER.encode(LOCAL_SECRET))
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
          .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
          .scopes(scopes -> scopes.addAll(client.scopes()))
          .tokenSettings(tokens)
          .build());
    }
    clients.add(browserClient(OPS_PAGE_CLIENT, "MASH alerts (ops page)", settings.opsPageRedirectUri(), "/ops/", tokens));
    clients.add(browserClient(WORKSPACE_CLIENT, "MASH triage workspace", settings.workspaceRedirectUri(), "/mash/",
        tokens));
    return new InMemoryRegisteredClientRepository(clients);
  }

  /** A staff page signing in with authorization code + PKCE, no consent screen (the council's own page). */
  private static RegisteredClient browserClient(String clientId, String name, URI redirectUri, String homePath,
      TokenSettings tokens) {
    return RegisteredClient.withId(UUID.randomUUID().toString())
        .clientId(clientId)
        .clientName(name)
        .clientSecret(ENCODER.encode(LOCAL_SECRET))
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
        .redirectUri(redirectUri.toString())
        .postLogoutRedirectUri(redirectUri.resolve(homePath).toString())
        .scope(OidcScopes.OPENID)
        .scope(OidcScopes.PROFILE)
        .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
        .tokenSettings(tokens)
        .build();
  }
}
