package org.mashfrontdoor.platform.staffpages;

import java.net.URI;

/**
 * The one Content-Security-Policy of the staff pages: everything from the service itself, nothing inline (no
 * {@code unsafe-inline}: scripts and styles are files), no framing. Forms may also be sent on to the sign-in
 * provider, because signing out (and a form posted after the session ended) is a redirect there after a POST,
 * which browsers check against {@code form-action}.
 */
public final class ContentSecurityPolicy {

  private ContentSecurityPolicy() {
  }

  public static String forPagesSigningInAt(String issuer) {
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self' "
        + origin(issuer);
  }

  /** {@code http://127.0.0.1:9000} of {@code http://127.0.0.1:9000/realms/x}: CSP sources are origins. */
  static String origin(String issuer) {
    URI uri = URI.create(issuer.strip());
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException("the sign-in issuer is an absolute http(s) URL");
    }
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
  }
}
