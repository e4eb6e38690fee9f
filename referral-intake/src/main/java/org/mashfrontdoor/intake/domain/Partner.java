package org.mashfrontdoor.intake.domain;

import org.mashfrontdoor.platform.codes.Agency;
import java.util.Objects;

/**
 * The partner system calling the API. Every use case that needs to know "which partner" takes one: it owns
 * the referrals it submits and sees only those. {@link #unrestricted()} is the local operator, who sees all.
 */
public record Partner(String id, Agency agency, String organisation) {

  private static final Partner UNRESTRICTED = new Partner("*", null, null);

  public Partner {
    Objects.requireNonNull(id, "id");
  }

  public static Partner unrestricted() {
    return UNRESTRICTED;
  }

  public boolean isUnrestricted() {
    return this.equals(UNRESTRICTED);
  }

  public boolean owns(String partnerId) {
    return isUnrestricted() || id.equals(partnerId);
  }
}
