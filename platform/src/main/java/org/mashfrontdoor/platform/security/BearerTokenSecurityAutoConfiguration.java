package org.mashfrontdoor.platform.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Bearer-token (OAuth2 resource server, JWT) security for a service that has Spring Security's resource-server
 * starter on its classpath. The token decoder is Boot's, from
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (production, the local stack) or
 * {@code .public-key-location} (tests); {@link TokenClaimsValidation} adds the checks Boot leaves optional
 * (issuer, audience, {@code exp}); {@link RecentlyVerifiedTokens} keeps a verified token for a few minutes.
 * Stateless, no sessions, no CSRF (no cookies are ever trusted); 401/403 are problem+json ({@link SecurityProblems}).
 *
 * <p>Fail closed: only {@link #OPEN_PATHS} are open; the other actuator endpoints need scope
 * {@value #METRICS_SCOPE}; a service's {@link ApiAccessRules} grant the rest, and what they leave unmatched is
 * denied. A service without rules grants nothing.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
    beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = {"org.springframework.security.config.annotation.web.builders.HttpSecurity",
    "org.springframework.security.oauth2.jwt.JwtDecoder"})
public class BearerTokenSecurityAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(BearerTokenSecurityAutoConfiguration.class);

  /** Open to anyone: health probes, the published API description and schemas. */
  public static final String[] OPEN_PATHS = {"/actuator/health", "/actuator/health/**", "/v3/api-docs",
      "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/api/v1/schema/**"};

  /** The scope Prometheus's client-credentials token carries to scrape {@code /actuator/prometheus}. */
  public static final String METRICS_SCOPE = "metrics:read";

  /**
   * Spring Security's own observations off: they timed every filter of the chain, the authentication and the
   * authorization of each request (about 5% of intake's CPU under load, docs/performance.md) into meters no rule,
   * dashboard or page reads. The HTTP server's observation of each request (and its meters) stays.
   */
  @Bean
  @ConditionalOnMissingBean
  SecurityObservationSettings mashSecurityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /**
   * The API's chain matches every request, so it comes last: a service's own browser-page chain (with its own
   * request matcher, e.g. notification-service's ops page) is consulted first.
   */
  @Bean
  @ConditionalOnMissingBean(name = "mashApiSecurity")
  @Order(Ordered.LOWEST_PRECEDENCE)
  SecurityFilterChain mashApiSecurity(HttpSecurity http, ObjectProvider<ApiAccessRules> rules,
      ObjectProvider<JwtDecoder> decoder) throws Exception {
    http.csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable);
    // Every rules bean applies: a second bean must add rules, never make the API fall back to open.
    List<ApiAccessRules> serviceRules = rules.orderedStream().toList();
    if (serviceRules.isEmpty()) {
      log.warn("No ApiAccessRules bean: every request but the health probes and API description is denied");
    }
    SecurityProblems problems = new SecurityProblems();
    http.authorizeHttpRequests(api -> {
      // An error page rendered for a request already authorised (or refused); a direct GET /error is not open.
      api.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
      api.requestMatchers(OPEN_PATHS).permitAll();
      // Metrics and the other actuator endpoints tell an attacker about the service: Prometheus has its own client.
      api.requestMatchers("/actuator", "/actuator/**").hasAuthority("SCOPE_" + METRICS_SCOPE);
      serviceRules.forEach(r -> r.authorize(api));
      // Anything the rules do not name (another method, HEAD on a GET-only rule, a new path) is refused.
      api.anyRequest().denyAll();
    });
    JwtDecoder tokens = decoder.getIfAvailable();
    if (tokens != null) {
      // Clock.systemUTC(): the clock the decoder's own exp check reads, not the service's (which a demo may move).
      RecentlyVerifiedTokens remembered = new RecentlyVerifiedTokens(tokens, Clock.systemUTC());
      http.oauth2ResourceServer(token -> token
          .jwt(jwt -> jwt.decoder(remembered).jwtAuthenticationConverter(authenticationConverter()))
          .authenticationEntryPoint(problems)
          .accessDeniedHandler(problems));
    } else if (!serviceRules.isEmpty()) {
      throw new IllegalStateException("This service has access rules but no token decoder: set OAUTH2_ISSUER_URI,"
          + " or OAUTH2_PUBLIC_KEY_LOCATION with OAUTH2_ISSUER");
    }
    return http.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems)).build();
  }

  /** Issuer, audience and {@code exp} always checked, whichever way Boot builds the decoder. */
  @Bean
  @ConditionalOnMissingBean(TokenClaimsValidation.class)
  TokenClaimsValidation mashTokenClaimsValidation(Environment environment) {
    return TokenClaimsValidation.from(environment);
  }

  /** Scopes become {@code SCOPE_<scope>} authorities, the {@code roles} claim {@code ROLE_<role>}; the name is {@code sub}. */
  public static JwtAuthenticationConverter authenticationConverter() {
    JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
    JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
    roles.setAuthoritiesClaimName(TokenCaller.ROLES_CLAIM);
    roles.setAuthorityPrefix("ROLE_");
    Converter<Jwt, Collection<GrantedAuthority>> both = jwt -> {
      List<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
      if (jwt.hasClaim(TokenCaller.ROLES_CLAIM)) {
        authorities.addAll(roles.convert(jwt));
      }
      return authorities;
    };
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(both);
    return converter;
  }
}
