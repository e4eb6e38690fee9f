package org.mashfrontdoor.triage.domain;

import org.mashfrontdoor.platform.codes.DashRiskLevel;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What one referral told the MASH, as intake received it: who referred, each child (names, date of birth or, for an
 * unborn child, the expected one, school, plan status), the household, the concern, the police DASH answers and
 * consent with its reason. It is what staff need to decide, and it is special category personal data: kept apart
 * from the contact (the queue, the clock and the events never see it), shown only once the read is in the read audit,
 * and never logged: every {@code toString} here names no one.
 *
 * <p>{@code recordedBy} is the MASH social worker who recorded a call or email (a contact recorded by staff, whose
 * {@code referrer.agency} is then its source, e.g. {@code ANONYMOUS}); null for a partner's form. Codes (agency,
 * relationship, risk factors, concern categories, lawful basis) are intake's, shown as they came.
 */
public record ReferralDetails(String referralId, String recordedBy, Referrer referrer, List<Child> children,
    Household household, Concern concern, DomesticAbuse domesticAbuse, Consent consent) {

  public ReferralDetails {
    Objects.requireNonNull(referralId, "referralId");
    children = children == null ? List.of() : List.copyOf(children);
  }

  /** Who referred: the agency (the contact's source) and, as far as the form gave them, the person. */
  public record Referrer(String agency, String organisation, String name, String role, String email, String phone) {
    @Override
    public String toString() {
      return "Referrer[" + agency + "]";
    }
  }

  public record Child(String givenName, String familyName, LocalDate dateOfBirth, LocalDate expectedDateOfBirth,
      String school, boolean onChildProtectionPlan) {
    @Override
    public String toString() {
      return "Child[personal data]";
    }
  }

  public record Household(List<Adult> adults, List<String> riskFactors) {
    public Household {
      adults = adults == null ? List.of() : List.copyOf(adults);
      riskFactors = riskFactors == null ? List.of() : List.copyOf(riskFactors);
    }
  }

  public record Adult(String givenName, String familyName, LocalDate dateOfBirth, String relationship) {
    @Override
    public String toString() {
      return "Adult[" + relationship + "]";
    }
  }

  public record Concern(List<String> categories, String summary, LocalDate incidentDate, boolean immediateRisk,
      Integer levelOfNeed) {
    public Concern {
      categories = categories == null ? List.of() : List.copyOf(categories);
    }

    @Override
    public String toString() {
      return "Concern" + categories;
    }
  }

  /** A police notification's DASH risk level and the DASH Q10 answers about the children. */
  public record DomesticAbuse(DashRiskLevel dashRiskLevel, Boolean childrenPresent, Boolean childrenWitnessed,
      Boolean childrenSeenSafeAndWell, Boolean childrenSubjectToPlan, String schoolsAttended) {
    @Override
    public String toString() {
      return "DomesticAbuse[" + dashRiskLevel + "]";
    }
  }

  /**
   * Whether the family knows and agreed. When the referrer shared without consent ({@link #withoutConsent()}),
   * {@code reasonNotSought} says why and {@code lawfulBasis} on what basis: the manager sees both.
   */
  public record Consent(boolean parentAware, boolean consentGiven, String reasonNotSought, String lawfulBasis) {
    public boolean withoutConsent() {
      return !consentGiven;
    }

    @Override
    public String toString() {
      return "Consent[given=" + consentGiven + "]";
    }
  }

  /** The referrer shared this referral without the family's consent (the reason is in {@link #consent()}). */
  public boolean sharedWithoutConsent() {
    return consent != null && consent.withoutConsent();
  }

  @Override
  public String toString() {
    return "ReferralDetails[" + referralId + "]";
  }
}
