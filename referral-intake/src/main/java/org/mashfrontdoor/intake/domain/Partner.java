package org.mashfrontdoor.intake.domain;

import org.mashfrontdoor.platform.codes.Agency;
import java.util.Objects;

/**
 * The partner system calling the API. Every use case that needs to know "which partner" takes one: it owns
 * the referrals it submits and sees only those. No partner sees another's: there is no "see everything" caller
 * (a token whose subject happened to be a wildcard would otherwise read every child's referral).
 */
public record Partner(String id, Agency agency, String organisation) {

  /** The prefix of the partner ids under which MASH staff record contacts. */
  public static final String MASH_STAFF = "mash-staff:";

  public Partner {
    Objects.requireNonNull(id, "id");
  }

  /**
   * A MASH social worker recording a contact made by telephone or email: the referral is received as a partner's is,
   * with the contact's {@code source} as its agency, and owned by the member of staff under an id of its own kind
   * (never a partner system's client id), so idempotency keys and ownership stay apart from any partner's.
   */
  public static Partner mashStaff(String staffId, Agency source) {
    return new Partner(MASH_STAFF + Objects.requireNonNull(staffId, "staffId"), Objects.requireNonNull(source),
        null);
  }

  public boolean owns(String partnerId) {
    return id.equals(partnerId);
  }
}
