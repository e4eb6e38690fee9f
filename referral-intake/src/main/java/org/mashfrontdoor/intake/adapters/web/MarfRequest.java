package org.mashfrontdoor.intake.adapters.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.mashfrontdoor.platform.codes.Agency;
import org.mashfrontdoor.intake.domain.ConcernCategory;
import org.mashfrontdoor.intake.domain.DashRiskLevel;
import org.mashfrontdoor.intake.domain.LawfulBasis;
import org.mashfrontdoor.intake.domain.ReferralType;
import org.mashfrontdoor.intake.domain.Relationship;
import org.mashfrontdoor.intake.domain.RiskFactor;
import org.mashfrontdoor.intake.domain.Sex;

/**
 * The MARF v1 as a partner system posts it (transport DTO; the domain never sees this type). Published as JSON
 * Schema at {@code /api/v1/schema/marf} ({@code docs/marf-v1.schema.json}); a test keeps the two in step.
 * Field rules are here; rules spanning fields are in {@link MarfValidation}.
 */
public record MarfRequest(
    @NotNull ReferralType referralType,
    @NotNull @Valid Referrer referrer,
    @NotEmpty @Size(max = 12) List<@NotNull @Valid Child> children,
    @Valid Household household,
    @NotNull @Valid Concern concern,
    @Valid DomesticAbuse domesticAbuse,
    @NotNull @Valid Consent consent) {

  /** UK postcode shape (BS 7666), case-insensitive, optional single space. */
  static final String POSTCODE = "(?i)^(GIR ?0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9][ABD-HJLNP-UW-Z]{2})$";

  public record Referrer(
      @NotNull Agency agency,
      @NotBlank @Size(max = 200) String organisation,
      @NotBlank @Size(max = 200) String name,
      @Size(max = 100) String role,
      @NotBlank @Email @Size(max = 254) String email,
      @Size(max = 30) @Pattern(regexp = "^[0-9 +()-]*$", message = "must be a phone number") String phone) {
  }

  public record Child(
      @Size(max = 100) String givenName,
      @NotBlank @Size(max = 100) String familyName,
      @PastOrPresent LocalDate dateOfBirth,
      LocalDate expectedDateOfBirth,
      Sex sex,
      @Size(max = 50) String gender,
      @Pattern(regexp = "^\\d{10}$", message = "must be 10 digits") String nhsNumber,
      @Pattern(regexp = "^[A-HJ-NPQRT-Z]\\d{11}[0-9A-HJ-NPQRT-Z]$",
          message = "must be a UPN: a check letter, 11 digits, then a digit or letter (13 characters, no I, O or S)")
      String upn,
      @Valid Address address,
      @Size(max = 200) String school,
      Boolean onChildProtectionPlan) {
  }

  public record Address(
      @NotBlank @Size(max = 200) String line1,
      @Size(max = 200) String line2,
      @NotBlank @Size(max = 100) String town,
      @NotBlank @Pattern(regexp = POSTCODE, message = "must be a valid UK postcode") String postcode) {
  }

  public record Household(
      @Size(max = 20) List<@NotNull @Valid Adult> adults,
      @Size(max = 10) Set<@NotNull RiskFactor> riskFactors) {
  }

  public record Adult(
      @NotBlank @Size(max = 100) String givenName,
      @NotBlank @Size(max = 100) String familyName,
      @PastOrPresent LocalDate dateOfBirth,
      @NotNull Relationship relationship) {
  }

  public record Concern(
      @NotEmpty @Size(max = 14) Set<@NotNull ConcernCategory> categories,
      @NotBlank @Size(max = 8000) String summary,
      @PastOrPresent LocalDate incidentDate,
      @NotNull Boolean immediateRisk,
      @Min(1) @Max(4) Integer levelOfNeed) {
  }

  /** Police domestic-abuse notification: DASH risk level and the DASH Q10 items about the children. */
  public record DomesticAbuse(
      @NotNull DashRiskLevel dashRiskLevel,
      Boolean childrenPresent,
      Boolean childrenWitnessed,
      Boolean childrenSeenSafeAndWell,
      Boolean childrenSubjectToPlan,
      @Size(max = 500) String schoolsAttended) {
  }

  public record Consent(
      @NotNull Boolean parentAware,
      @NotNull Boolean consentGiven,
      @Size(max = 2000) String reasonNotSought,
      LawfulBasis lawfulBasis) {
  }
}
