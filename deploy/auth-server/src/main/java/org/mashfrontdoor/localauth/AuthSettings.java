package org.mashfrontdoor.localauth;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mash.auth.*}: where the keys and callers are, the issuer (blank: the URL the provider is called on) and
 * the registered redirect URIs of the two staff pages. A redirect URI on 127.0.0.1 also matches any other port
 * (RFC 8252 loopback rule, applied by Spring Authorization Server), so tests on random ports need not set them.
 */
@ConfigurationProperties("mash.auth")
public record AuthSettings(String issuer, String keysDir, String callers, URI opsPageRedirectUri,
    URI workspaceRedirectUri) {

  // Strings, not Paths: Spring would read a Path property as a resource location, which turns "../x" into null.
  public Path keysPath() {
    return Path.of(keysDir);
  }

  public Path callersPath() {
    return Path.of(callers);
  }
}
