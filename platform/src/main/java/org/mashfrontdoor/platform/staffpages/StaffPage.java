package org.mashfrontdoor.platform.staffpages;

import java.util.List;
import java.util.Objects;

/**
 * A service's browser pages for staff, declared as a bean: where they live ({@code home}, e.g. {@code /ops/}) and
 * which roles (the ID token's {@code roles}) may use them. Declaring one, with {@code mash.sign-in.issuer-uri} set,
 * gives the service {@link StaffPagesAutoConfiguration}'s sign-in at the OIDC provider, session and headers; the
 * service's API stays bearer-only. Without an issuer the pages are off (their paths answer 401 like the API's).
 */
public record StaffPage(String home, List<String> roles) {

  public StaffPage {
    Objects.requireNonNull(home, "home");
    if (!home.startsWith("/") || !home.endsWith("/") || home.length() < 3) {
      throw new IllegalArgumentException("home is a path like /ops/");
    }
    roles = List.copyOf(roles);
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("name the roles that may use the pages");
    }
  }

  public StaffPage(String home, String... roles) {
    this(home, List.of(roles));
  }

  /** {@code /ops} for {@code /ops/}: the pages' paths are this and everything under it. */
  public String prefix() {
    return home.substring(0, home.length() - 1);
  }
}
