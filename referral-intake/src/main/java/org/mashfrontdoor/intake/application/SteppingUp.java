package org.mashfrontdoor.intake.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.mashfrontdoor.platform.codes.Agency;
import org.mashfrontdoor.intake.domain.Partner;
import org.mashfrontdoor.intake.domain.Referral;

/**
 * Early help steps a family up to children's social care: the step-up becomes a new MARF, received exactly as a
 * partner's is (reference, links to the child's earlier referrals, decision deadline, {@code referral.received}),
 * so the MASH screens it like any other.
 *
 * <p>Once only: the new referral's id is the one case-service allocated, and it is received under the
 * idempotency key {@code step-up:<caseId>} of the {@link #EARLY_HELP} system partner.
 */
public class SteppingUp {

  /** The referrer of every step-up: early help, through case-service rather than a partner's API call. */
  public static final Partner EARLY_HELP = new Partner("system:early-help-step-up", Agency.EARLY_HELP,
      "Early help (step-up)");

  private final Referrals referrals;
  private final ReceivingReferral receiving;

  public SteppingUp(Referrals referrals, ReceivingReferral receiving) {
    this.referrals = referrals;
    this.receiving = receiving;
  }

  /**
   * Returns the new referral, received now or by an earlier delivery of the same step-up.
   *
   * @throws ReferralNotHeld when this intake does not hold {@code earlierReferralId}
   * @throws IllegalArgumentException when the case was already stepped up as another referral
   */
  public Referral steppedUp(String caseId, String earlierReferralId, String newReferralId, String reason) {
    Optional<Referral> already = referrals.byId(newReferralId);
    if (already.isPresent()) {
      return already.get(); // a redelivery, possibly after its idempotency key expired
    }
    Referral earlier = referrals.byId(earlierReferralId).orElseThrow(() -> new ReferralNotHeld(
        "step-up of case " + caseId + " names referral " + earlierReferralId + ", which this intake does not hold"));
    try {
      return receiving.receiveAs(newReferralId, EARLY_HELP, "step-up:" + caseId,
          fingerprint(earlierReferralId, newReferralId),
          earlier.form().steppedUp(EARLY_HELP.organisation(), reason)).referral();
    } catch (IdempotencyKeyReused e) {
      throw new IllegalArgumentException("case " + caseId + " was already stepped up as another referral", e);
    }
  }

  /** What makes two deliveries the same step-up; the reason is free text and may be re-worded, so it is left out. */
  private static String fingerprint(String earlierReferralId, String newReferralId) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest((earlierReferralId + "|" + newReferralId).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
