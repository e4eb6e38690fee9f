package org.mashfrontdoor.triage.application;

import java.time.LocalDate;
import org.mashfrontdoor.platform.codes.Agency;

/**
 * A contact taken by MASH staff from a phone call or an email, as they wrote it down: who called, about which
 * child, what the concern is, and consent. Intake's rules decide whether it is complete (one set of rules for every
 * contact); the page only makes sure each answer is of the right kind.
 */
public record PhoneContact(
    Channel channel,
    Caller caller,
    ChildNamed child,
    String concernCategory,
    String concern,
    boolean immediateRisk,
    boolean parentAware,
    boolean consentGiven,
    String reasonConsentNotSought) {

  /** How the contact came in: intake records it as the contact's source. */
  public enum Channel { PHONE, EMAIL }

  public record Caller(String name, Agency agency, String organisation, String role, String email, String phone) {
  }

  public record ChildNamed(String givenName, String familyName, LocalDate dateOfBirth, String addressLine1,
      String town, String postcode, String school) {
  }
}
