package org.mashfrontdoor.intake.adapters.web;

import java.util.Optional;
import org.mashfrontdoor.platform.codes.Agency;
import org.mashfrontdoor.intake.domain.Partner;
import org.mashfrontdoor.platform.security.TokenCaller;
import org.springframework.stereotype.Component;

/**
 * The partner is whoever its verified bearer token says: {@code sub} is the partner's client id, the custom claims
 * {@code agency} (a CIN-census contact-source agency, e.g. POLICE) and {@code organisation} say who refers. The
 * form's own {@code referrer.agency} and {@code referrer.organisation} never override them. A token with the role
 * {@code MASH_SOCIAL_WORKER} is a member of MASH staff recording a contact: {@code sub} is the staff id and the form's
 * {@code source} says who made the contact. Security has already checked the scope or role by the time a controller
 * asks.
 */
@Component
class TokenCallingPartner implements CallingPartner {

  static final String AGENCY = "agency";
  static final String ORGANISATION = "organisation";

  /** The role of MASH staff who record contacts made by telephone or email (as in triage's tokens). */
  static final String MASH_SOCIAL_WORKER = "MASH_SOCIAL_WORKER";

  @Override
  public Optional<String> recordingStaff() {
    return TokenCaller.current().filter(c -> c.hasRole(MASH_SOCIAL_WORKER)).map(c -> caller().id());
  }

  @Override
  public Partner submitting(MarfRequest form) {
    Optional<String> staff = recordingStaff();
    if (staff.isPresent()) {
      return Partner.mashStaff(staff.get(), form.source());
    }
    TokenCaller caller = caller();
    Agency agency = caller.claim(AGENCY).flatMap(TokenCallingPartner::agency)
        .orElseThrow(() -> new PartnerNotRegistered(AGENCY));
    String organisation = caller.claim(ORGANISATION).orElseThrow(() -> new PartnerNotRegistered(ORGANISATION));
    return new Partner(caller.id(), agency, organisation.strip());
  }

  /** A reader needs no agency: it sees the referrals submitted under its own client id. */
  @Override
  public Partner reading() {
    TokenCaller caller = caller();
    return new Partner(caller.id(), caller.claim(AGENCY).flatMap(TokenCallingPartner::agency).orElse(null),
        caller.claim(ORGANISATION).orElse(null));
  }

  private static TokenCaller caller() {
    return TokenCaller.current().filter(c -> c.id() != null && !c.id().isBlank())
        .orElseThrow(() -> new PartnerNotRegistered("sub"));
  }

  private static Optional<Agency> agency(String name) {
    try {
      return Optional.of(Agency.valueOf(name));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A valid token that does not say which partner, agency or organisation it is: the issuer's set-up is wrong. */
  static class PartnerNotRegistered extends RuntimeException {
    final String claim;

    PartnerNotRegistered(String claim) {
      super("token lacks a usable " + claim + " claim");
      this.claim = claim;
    }
  }
}
