package org.mashfrontdoor.intake.adapters.web;

import org.mashfrontdoor.platform.codes.DashRiskLevel;
import org.mashfrontdoor.platform.codes.ReferralType;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.mashfrontdoor.platform.codes.Agency;
import org.mashfrontdoor.intake.domain.ConcernCategory;
import org.mashfrontdoor.intake.domain.LawfulBasis;
import org.mashfrontdoor.intake.domain.Relationship;
import org.mashfrontdoor.intake.domain.RiskFactor;
import org.mashfrontdoor.intake.domain.Sex;

/**
 * The MARF v1 as a partner system posts it, or as a MASH social worker records a contact made by telephone or email
 * ({@code source} given, {@code referrer} optional: the caller, if known). Transport DTO; the domain never sees this
 * type. Its field rules are the published JSON Schema's alone ({@code /api/v1/schema/marf}, {@link MarfSchema}),
 * checked before a body is bound to this type; the rules the schema cannot say are in {@link MarfValidation}.
 */
public record MarfRequest(
    Agency source,
    ReferralType referralType,
    Referrer referrer,
    List<Child> children,
    Household household,
    Concern concern,
    DomesticAbuse domesticAbuse,
    Consent consent) {

  public record Referrer(
      Agency agency,
      String organisation,
      String name,
      String role,
      String email,
      String phone) {
  }

  public record Child(
      String givenName,
      String familyName,
      LocalDate dateOfBirth,
      LocalDate expectedDateOfBirth,
      Sex sex,
      String gender,
      String nhsNumber,
      String upn,
      Address address,
      String school,
      Boolean onChildProtectionPlan) {
  }

  public record Address(
      String line1,
      String line2,
      String town,
      String postcode) {
  }

  public record Household(
      List<Adult> adults,
      Set<RiskFactor> riskFactors) {
  }

  public record Adult(
      String givenName,
      String familyName,
      LocalDate dateOfBirth,
      Relationship relationship) {
  }

  public record Concern(
      Set<ConcernCategory> categories,
      String summary,
      LocalDate incidentDate,
      Boolean immediateRisk,
      Integer levelOfNeed) {
  }

  /** Police domestic-abuse notification: DASH risk level and the DASH Q10 items about the children. */
  public record DomesticAbuse(
      DashRiskLevel dashRiskLevel,
      Boolean childrenPresent,
      Boolean childrenWitnessed,
      Boolean childrenSeenSafeAndWell,
      Boolean childrenSubjectToPlan,
      String schoolsAttended) {
  }

  public record Consent(
      Boolean parentAware,
      Boolean consentGiven,
      String reasonNotSought,
      LawfulBasis lawfulBasis) {
  }
}
