package org.mashfrontdoor.localauth;

import java.net.URI;
import java.util.function.Consumer;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.util.StringUtils;

/**
 * Signing out sends the browser back to a registered post-logout URI; on 127.0.0.1 any port matches, as it does
 * for redirect URIs (RFC 8252 section 7.3, which Spring Authorization Server applies to those only). Without it a
 * staff page on a random port (the tests) could not end the provider's session: the logout would be refused and the
 * next sign-in would silently be the same person again.
 */
final class LoopbackPostLogout implements Consumer<OidcLogoutAuthenticationContext> {

  static final String LOOPBACK = "127.0.0.1";

  @Override
  public void accept(OidcLogoutAuthenticationContext context) {
    OidcLogoutAuthenticationToken logout = context.getAuthentication();
    String asked = logout.getPostLogoutRedirectUri();
    if (!StringUtils.hasText(asked)) {
      return;
    }
    boolean registered = context.getRegisteredClient().getPostLogoutRedirectUris().stream()
        .anyMatch(uri -> uri.equals(asked) || sameLoopbackPage(uri, asked));
    if (!registered) {
      throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
          "OpenID Connect 1.0 Logout Request Parameter: post_logout_redirect_uri", null));
    }
  }

  /** Both on http://127.0.0.1, the same path and query, whatever the ports. */
  static boolean sameLoopbackPage(String registered, String asked) {
    try {
      URI r = URI.create(registered);
      URI a = URI.create(asked);
      return "http".equals(r.getScheme()) && "http".equals(a.getScheme()) && LOOPBACK.equals(r.getHost())
          && LOOPBACK.equals(a.getHost()) && r.getRawPath().equals(a.getRawPath())
          && java.util.Objects.equals(r.getRawQuery(), a.getRawQuery()) && a.getRawFragment() == null;
    } catch (IllegalArgumentException notAUri) {
      return false;
    }
  }
}
