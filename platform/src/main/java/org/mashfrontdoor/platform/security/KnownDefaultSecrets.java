package org.mashfrontdoor.platform.security;

import org.springframework.core.env.Environment;

/**
 * Refuses, at start-up, a secret still set to the value published in this repository, unless the service runs as
 * the local stack ({@code MASH_PROFILE=local}, property {@value #PROFILE_PROPERTY}; {@code deploy/local/up} and the
 * tests set it). Anything else (unset included) counts as production, so forgetting the setting fails closed.
 */
public final class KnownDefaultSecrets {

  public static final String PROFILE_PROPERTY = "mash.profile";
  public static final String LOCAL = "local";

  private KnownDefaultSecrets() {
  }

  /** {@code value}, or an {@link IllegalStateException} naming {@code variable} if it is the published default. */
  public static String refuseOutsideLocal(Environment environment, String variable, String value,
      String publishedDefault) {
    String profile = environment.getProperty(PROFILE_PROPERTY, "");
    if (publishedDefault.equals(value) && !LOCAL.equals(profile.trim())) {
      throw new IllegalStateException(variable + " is the development default published with MASH Front Door;"
          + " set a real secret (MASH_PROFILE is '" + profile + "', not 'local')");
    }
    return value;
  }
}
