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
import org.mashfrontdoor.intake.domain.Agency;
import org.mashfrontdoor.intake.domain.ConcernCategory;
import org.mashfrontdoor.intake.domain.DashRiskLevel;
import org.mashfrontdoor.intake.domain.ReferralType;

/** The MARF as a partner system posts it (transport DTO; the domain never sees this type). */
public record MarfRequest(
    @NotNull ReferralType referralType,
    @NotNull @Valid Referrer referrer,
    @NotEmpty @Size(max = 12) List<@NotNull @Valid Child> children,
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
      @NotBlank @Size(max = 100) String givenName,
      @NotBlank @Size(max = 100) String familyName,
      @PastOrPresent LocalDate dateOfBirth,
      @Pattern(regexp = "^\\d{10}$", message = "must be 10 digits") String nhsNumber,
      @Valid Address address,
      Boolean onChildProtectionPlan) {
  }

  public record Address(
      @NotBlank @Size(max = 200) String line1,
      @Size(max = 200) String line2,
      @NotBlank @Size(max = 100) String town,
      @NotBlank @Pattern(regexp = POSTCODE, message = "must be a valid UK postcode") String postcode) {
  }

  public record Concern(
      @NotEmpty Set<@NotNull ConcernCategory> categories,
      @NotBlank @Size(max = 8000) String summary,
      @PastOrPresent LocalDate incidentDate,
      @NotNull Boolean immediateRisk,
      @Min(1) @Max(4) Integer levelOfNeed) {
  }

  public record DomesticAbuse(@NotNull DashRiskLevel dashRiskLevel) {
  }

  public record Consent(
      @NotNull Boolean parentAware,
      @NotNull Boolean consentGiven,
      @Size(max = 2000) String reasonNotSought) {
  }
}
