package org.mashfrontdoor.intake.adapters.web;

import java.util.Optional;
import org.mashfrontdoor.intake.domain.Partner;

/**
 * Who is calling the API. The one place the web adapter learns the partner; the security change replaces the
 * interim {@link BodyDeclaredPartner} with one reading the OAuth2 bearer token (partner id, agency and
 * organisation from the token's claims), so nothing else needs to change.
 */
interface CallingPartner {

  /**
   * The MASH social worker's staff id when the caller records a contact made by telephone or email (its form gives
   * {@code source}); empty when a partner system submits its own MARF.
   */
  Optional<String> recordingStaff();

  /**
   * The partner submitting this form; for a contact recorded by MASH staff, {@link Partner#mashStaff} with the
   * form's {@code source}.
   */
  Partner submitting(MarfRequest form);

  /** The partner reading referrals. */
  Partner reading();
}
