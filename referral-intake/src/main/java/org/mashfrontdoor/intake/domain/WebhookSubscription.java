package org.mashfrontdoor.intake.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A partner's webhook: where its referrals' status changes are POSTed, the secret they are signed with, and how far
 * through its referrals' changes the intake has looked ({@code changesSince}: changes at or after it are still to
 * be turned into deliveries).
 */
public record WebhookSubscription(String partnerId, URI url, String secret, Instant registeredAt,
    Instant changesSince) {

  public static final int MAX_URL_LENGTH = 2048;
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

  public WebhookSubscription {
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(secret, "secret");
  }

  /**
   * Why {@code url} cannot be a webhook, in words a partner's developer can act on; empty when it can. HTTPS only,
   * since the payload and its signature travel over it; plain HTTP to this machine only where a local stack or a
   * test allows it. No credentials in the URL (they would be stored and logged as a URL).
   */
  public static Optional<String> problemWithUrl(String url, boolean allowLoopbackHttp) {
    if (url == null || url.isBlank()) {
      return Optional.of("must be an https URL");
    }
    if (url.length() > MAX_URL_LENGTH) {
      return Optional.of("must be at most " + MAX_URL_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || uri.isOpaque()) {
      return Optional.of("must be an absolute https URL with a host");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not contain a user name or password");
    }
    if (uri.getRawFragment() != null) {
      return Optional.of("must not contain a fragment");
    }
    if (scheme.equals("https")) {
      return Optional.empty();
    }
    if (scheme.equals("http") && allowLoopbackHttp && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    return Optional.of("must use https");
  }
}
