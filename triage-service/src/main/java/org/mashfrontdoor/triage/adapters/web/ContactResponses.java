package org.mashfrontdoor.triage.adapters.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.mashfrontdoor.platform.deadlines.AppliedPolicy;
import org.mashfrontdoor.triage.application.ContactRecord;
import org.mashfrontdoor.triage.application.ContactView;
import org.mashfrontdoor.triage.domain.Advice;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.HistoryEntry;
import org.mashfrontdoor.triage.domain.MultiAgencyCheck;
import org.mashfrontdoor.triage.domain.Recommendation;
import org.mashfrontdoor.triage.domain.ReferralDetails;
import org.mashfrontdoor.triage.domain.Source;
import org.mashfrontdoor.triage.domain.TriageDecision;

/** What the API answers about contacts; kept apart from the domain records so either can change alone. */
final class ContactResponses {

  private ContactResponses() {
  }

  /**
   * One line of the front-door queue. {@code referralId} is the contact's opening referral; {@code referralIds}
   * all of its referrals. {@code timeRemaining} is ISO-8601, e.g. {@code PT3H20M} or {@code -PT1H}.
   */
  record QueueItem(String contactId, String referralId, List<String> referralIds, String reference, String lane,
      String rag, Instant decisionDueBy, boolean urgent, String timeRemaining, boolean recommended) {

    static QueueItem of(ContactView view) {
      Contact c = view.contact();
      return new QueueItem(c.contactId(), c.referralId(), c.referralIds(), c.reference(), c.lane().name(),
          view.rag().name(), c.decisionDueBy(), c.urgent(), iso(view.timeRemaining()), c.recommendation() != null);
    }
  }

  /**
   * The whole contact, answered only after the read is audited. {@code referrals}: what each referral told the MASH
   * ({@link ReferralResponse}), in the order they came; a referral received before triage kept details has none.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ContactResponse(String contactId, String referralId, List<String> referralIds, String reference,
      String status, String rag, Instant decisionDueBy, String timeRemaining, Instant receivedAt, boolean urgent,
      String lane, PolicyResponse deadlinePolicy, List<SourceResponse> sources, List<String> linkedReferralIds,
      List<ReferralResponse> referrals, List<CheckResponse> checks, AdviceResponse advice,
      RecommendationResponse recommendation, DecisionResponse decision, List<HistoryResponse> history) {

    static ContactResponse of(ContactRecord shown) {
      Contact c = shown.contact();
      TriageDecision d = c.decision();
      return new ContactResponse(c.contactId(), c.referralId(), c.referralIds(), c.reference(), c.status().name(),
          shown.rag().name(), c.decisionDueBy(), c.isOpen() ? iso(shown.timeRemaining()) : null, c.receivedAt(),
          c.urgent(), c.lane().name(), PolicyResponse.of(c.deadlinePolicy()),
          c.sources().stream().map(SourceResponse::of).toList(), c.linkedReferralIds(),
          shown.referrals().stream().map(ReferralResponse::of).toList(),
          c.checks().stream().map(CheckResponse::of).toList(), AdviceResponse.of(c.advice()),
          RecommendationResponse.of(c.recommendation()),
          d == null ? null : new DecisionResponse(d.outcome().name(), d.levelOfNeed(), d.rationale(),
              d.adviceToReferrer(), d.decidedAt(), d.onTime(), d.decidedBy()),
          c.history().stream().map(HistoryResponse::of).toList());
    }
  }

  /**
   * What one referral told the MASH: who referred ({@code recordedBy}: the MASH social worker who recorded a call or
   * email; absent on a partner's form), the children, the household, the concern, the DASH answers (police
   * notifications) and consent, with the reason and lawful basis when the referrer shared without it
   * ({@code sharedWithoutConsent}).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ReferralResponse(String referralId, String recordedBy, ReferrerResponse referrer,
      List<ChildResponse> children, HouseholdResponse household, ConcernResponse concern,
      DomesticAbuseResponse domesticAbuse, ConsentResponse consent, boolean sharedWithoutConsent) {

    static ReferralResponse of(ReferralDetails r) {
      ReferralDetails.Referrer by = r.referrer();
      ReferralDetails.Household h = r.household();
      ReferralDetails.Concern k = r.concern();
      ReferralDetails.DomesticAbuse da = r.domesticAbuse();
      ReferralDetails.Consent consent = r.consent();
      return new ReferralResponse(r.referralId(), r.recordedBy(),
          by == null ? null : new ReferrerResponse(by.agency(), by.organisation(), by.name(), by.role(), by.email(),
              by.phone()),
          r.children().stream().map(c -> new ChildResponse(c.givenName(), c.familyName(), c.dateOfBirth(),
              c.expectedDateOfBirth(), c.school(), c.onChildProtectionPlan())).toList(),
          h == null ? null : new HouseholdResponse(h.adults().stream().map(a -> new AdultResponse(a.givenName(),
              a.familyName(), a.dateOfBirth(), a.relationship())).toList(), h.riskFactors()),
          k == null ? null : new ConcernResponse(k.categories(), k.summary(), k.incidentDate(), k.immediateRisk(),
              k.levelOfNeed()),
          da == null ? null : new DomesticAbuseResponse(da.dashRiskLevel() == null ? null : da.dashRiskLevel().name(),
              da.childrenPresent(), da.childrenWitnessed(), da.childrenSeenSafeAndWell(), da.childrenSubjectToPlan(),
              da.schoolsAttended()),
          consent == null ? null : new ConsentResponse(consent.parentAware(), consent.consentGiven(),
              consent.reasonNotSought(), consent.lawfulBasis()),
          r.sharedWithoutConsent());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ReferrerResponse(String agency, String organisation, String name, String role, String email, String phone) {
  }

  /** {@code expectedDateOfBirth} instead of {@code dateOfBirth} for an unborn child. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ChildResponse(String givenName, String familyName, LocalDate dateOfBirth, LocalDate expectedDateOfBirth,
      String school, boolean onChildProtectionPlan) {
  }

  record HouseholdResponse(List<AdultResponse> adults, List<String> riskFactors) {
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record AdultResponse(String givenName, String familyName, LocalDate dateOfBirth, String relationship) {
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ConcernResponse(List<String> categories, String summary, LocalDate incidentDate, boolean immediateRisk,
      Integer levelOfNeed) {
  }

  /** The DASH risk level and the DASH Q10 answers about the children; an answer not given is absent. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DomesticAbuseResponse(String dashRiskLevel, Boolean childrenPresent, Boolean childrenWitnessed,
      Boolean childrenSeenSafeAndWell, Boolean childrenSubjectToPlan, String schoolsAttended) {
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ConsentResponse(boolean parentAware, boolean consentGiven, String reasonNotSought, String lawfulBasis) {
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PolicyResponse(String id, int version, String calendarVersion) {
    static PolicyResponse of(AppliedPolicy p) {
      return new PolicyResponse(p.id(), p.version(), p.calendarVersion());
    }
  }

  record SourceResponse(String referralId, String reference, String referralType, String agency,
      String organisation, Instant receivedAt) {
    static SourceResponse of(Source s) {
      return new SourceResponse(s.referralId(), s.reference(), s.referralType().name(), s.agency(),
          s.organisation(), s.receivedAt());
    }
  }

  record CheckResponse(String agency, Instant requestedAt, Instant returnedAt, Instant recordedAt,
      String recordedBy) {
    static CheckResponse of(MultiAgencyCheck k) {
      return new CheckResponse(k.agency().name(), k.requestedAt(), k.returnedAt(), k.recordedAt(), k.recordedBy());
    }
  }

  record AdviceResponse(String text, Instant recordedAt, String recordedBy) {
    static AdviceResponse of(Advice a) {
      return a == null ? null : new AdviceResponse(a.text(), a.recordedAt(), a.recordedBy());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record RecommendationResponse(String outcome, int levelOfNeed, String rationale, String adviceToReferrer,
      Instant recommendedAt, String recommendedBy) {
    static RecommendationResponse of(Recommendation r) {
      return r == null ? null : new RecommendationResponse(r.outcome().name(), r.levelOfNeed(), r.rationale(),
          r.adviceToReferrer(), r.recommendedAt(), r.recommendedBy());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record HistoryResponse(Instant at, String step, String by, String detail) {
    static HistoryResponse of(HistoryEntry h) {
      return new HistoryResponse(h.at(), h.step().name(), h.by(), h.detail());
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DecisionResponse(String outcome, int levelOfNeed, String rationale, String adviceToReferrer,
      Instant decidedAt, boolean onTime, String decidedBy) {
  }

  /** ISO-8601 with a leading sign ({@code -PT1H30M}), rather than Java's {@code PT-1H-30M}. */
  static String iso(Duration duration) {
    return duration.isNegative() ? "-" + duration.negated() : duration.toString();
  }
}
