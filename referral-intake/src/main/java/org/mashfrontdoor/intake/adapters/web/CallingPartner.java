package org.mashfrontdoor.intake.adapters.web;

import org.mashfrontdoor.intake.domain.Partner;

/**
 * Who is calling the API. The one place the web adapter learns the partner; the security change replaces the
 * interim {@link BodyDeclaredPartner} with one reading the OAuth2 bearer token (partner id, agency and
 * organisation from the token's claims), so nothing else needs to change.
 */
interface CallingPartner {

  /** The partner submitting this form. */
  Partner submitting(MarfRequest form);

  /** The partner reading referrals. */
  Partner reading();
}
