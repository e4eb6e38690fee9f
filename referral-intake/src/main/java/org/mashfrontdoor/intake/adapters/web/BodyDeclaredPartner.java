package org.mashfrontdoor.intake.adapters.web;

import java.util.Locale;
import org.mashfrontdoor.intake.domain.Partner;
import org.springframework.stereotype.Component;

/**
 * INTERIM, until the security change replaces it with a token-based {@link CallingPartner}: the partner is
 * whoever the form's {@code referrer} says it is (agency + organisation), and every reader is the unrestricted
 * local operator. Safe only because the service listens on loopback until then.
 */
@Component
class BodyDeclaredPartner implements CallingPartner {

  @Override
  public Partner submitting(MarfRequest form) {
    MarfRequest.Referrer by = form.referrer();
    String organisation = by.organisation().strip().replaceAll("\\s+", " ");
    return new Partner(by.agency().name().toLowerCase(Locale.ROOT) + ":" + organisation.toLowerCase(Locale.ROOT),
        by.agency(), organisation);
  }

  @Override
  public Partner reading() {
    return Partner.unrestricted();
  }
}
