package org.mashfrontdoor.intake.domain;

import org.mashfrontdoor.platform.codes.Agency;
import java.util.Objects;

/**
 * The partner system calling the API. Every use case that needs to know "which partner" takes one: it owns
 * the referrals it submits and sees only those. No partner sees another's: there is no "see everything" caller
 * (a token whose subject happened to be a wildcard would otherwise read every child's referral).
 */
public record Partner(String id, Agency agency, String organisation) {

  public Partner {
    Objects.requireNonNull(id, "id");
  }

  public boolean owns(String partnerId) {
    return id.equals(partnerId);
  }
}
