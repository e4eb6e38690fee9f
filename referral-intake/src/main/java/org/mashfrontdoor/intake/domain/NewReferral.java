package org.mashfrontdoor.intake.domain;

import org.mashfrontdoor.platform.codes.DashRiskLevel;
import org.mashfrontdoor.platform.codes.ReferralType;
import org.mashfrontdoor.platform.codes.Agency;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A referral form (MARF) as a partner submitted it, or as a MASH social worker recorded a contact made by telephone
 * or email ({@code recordedBy}: the staff id; null for a partner's form), already checked for shape and validity.
 */
public record NewReferral(
    ReferralType referralType,
    Referrer referrer,
    List<Child> children,
    Household household,
    Concern concern,
    DomesticAbuse domesticAbuse,
    Consent consent,
    String recordedBy) {

  /**
   * Who referred: {@code agency} is the contact's source (a partner's agency, or the source MASH staff recorded, e.g.
   * ANONYMOUS); the person's details as given (any may be null on a contact recorded by staff).
   */
  public record Referrer(Agency agency, String organisation, String name, String role, String email, String phone) {
  }

  public record Address(String line1, String line2, String town, String postcode) {
  }

  /** A child, or an unborn baby (no date of birth, an expected one instead). */
  public record Child(String givenName, String familyName, LocalDate dateOfBirth, LocalDate expectedDateOfBirth,
      Sex sex, String gender, String nhsNumber, String upn, Address address, String school,
      boolean onChildProtectionPlan) {
  }

  public record Adult(String givenName, String familyName, LocalDate dateOfBirth, Relationship relationship) {
  }

  public record Household(List<Adult> adults, Set<RiskFactor> riskFactors) {
    public Household {
      adults = adults == null ? List.of() : List.copyOf(adults);
      riskFactors = riskFactors == null ? Set.of() : Set.copyOf(riskFactors);
    }
  }

  public record Concern(Set<ConcernCategory> categories, String summary, LocalDate incidentDate,
      boolean immediateRisk, Integer levelOfNeed) {
  }

  /** A police domestic-abuse notification: the DASH risk level and the DASH Q10 items about the children. */
  public record DomesticAbuse(DashRiskLevel dashRiskLevel, Boolean childrenPresent, Boolean childrenWitnessed,
      Boolean childrenSeenSafeAndWell, Boolean childrenSubjectToPlan, String schoolsAttended) {
  }

  public record Consent(boolean parentAware, boolean consentGiven, String reasonNotSought, LawfulBasis lawfulBasis) {
  }

  public NewReferral {
    children = List.copyOf(children);
  }

  /**
   * The MARF early help raises when it steps a family up to children's social care: the same children,
   * household and consent (with its lawful basis) as this earlier referral, and the step-up's {@code reason} as
   * the concern. The step-up names no categories, so the earlier ones are kept; it is not an immediate risk
   * (that would be a phone call to the MASH, not a step-up).
   */
  public NewReferral steppedUp(String organisation, String reason) {
    return new NewReferral(ReferralType.MARF,
        new Referrer(Agency.EARLY_HELP, organisation, null, null, null, null),
        children, household,
        new Concern(concern.categories(), reason, null, false, null),
        null, consent, null);
  }

  public DashRiskLevel dashRiskLevel() {
    return domesticAbuse == null ? null : domesticAbuse.dashRiskLevel();
  }
}
