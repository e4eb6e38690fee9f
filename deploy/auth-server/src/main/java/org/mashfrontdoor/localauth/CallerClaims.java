package org.mashfrontdoor.localauth;

import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts partners.json's claims into the tokens, so the services see the shape {@code deploy/local/token} gives them:
 * client-credentials access tokens carry {@code client_id} and {@code scope} as one space-separated string (RFC 9068),
 * and a partner's {@code agency} and {@code organisation}; staff tokens (access and ID) {@code sub}, {@code name} and
 * {@code roles}.
 * Every access token is for the API audience.
 */
@Component
class CallerClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  private final Callers callers;

  CallerClaims(Callers callers) {
    this.callers = callers;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
    boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
    var claims = context.getClaims();
    if (accessToken) {
      // The ID token's aud stays the client id, as OIDC requires.
      claims.audience(List.of(callers.audience()));
      if (!context.getAuthorizedScopes().isEmpty()) {
        claims.claim("scope", String.join(" ", context.getAuthorizedScopes()));
      }
    }
    if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
      String clientId = context.getRegisteredClient().getClientId();
      callers.clientWithId(clientId).ifPresent(client -> {
        claims.subject(client.sub());
        claims.claim("client_id", clientId);
        // In partners.json's order; asking for no scope gets all of the client's own (RFC 6749 3.3 default), as
        // deploy/local/token gives them.
        Set<String> asked = context.getAuthorizedScopes();
        claims.claim("scope", String.join(" ",
            client.scopes().stream().filter(scope -> asked.isEmpty() || asked.contains(scope)).toList()));
        client.claim("agency").ifPresent(agency -> claims.claim("agency", agency));
        client.claim("organisation").ifPresent(organisation -> claims.claim("organisation", organisation));
      });
    } else if (accessToken || idToken) {
      callers.staffMember(context.getPrincipal().getName()).ifPresent(member -> {
        claims.subject(member.sub());
        member.claim("name").ifPresent(name -> claims.claim("name", name));
        claims.claim("roles", member.roles());
      });
    }
  }
}
