package org.mashfrontdoor.triage.adapters.web.workspace;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.mashfrontdoor.triage.domain.ReferralDetails;

/**
 * What one referral told the MASH, in words for the contact page: who referred, the children, the household, the
 * concern, the DASH answers and consent. Made only from the {@code ContactRecord} of an audited read.
 */
record ReferralSummary(String referralId, String referrer, String recordedBy, List<ChildLine> children,
    List<String> adults, List<String> riskFactors, String categories, String concern, String incidentDate,
    boolean immediateRisk, List<Row> domesticAbuse, String consent, String reasonNotSought) {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");

  record ChildLine(String name, String born, String school, String plan) {
  }

  record Row(String key, String value) {
  }

  static ReferralSummary of(ReferralDetails r) {
    ReferralDetails.Referrer who = r.referrer();
    String referrer = who == null ? "Not known" : join(", ", Words.code(who.agency()), who.organisation(),
        join(" ", who.name(), who.role() == null ? null : "(" + who.role() + ")"), who.email(), who.phone());
    List<ChildLine> children = r.children().stream().map(c -> new ChildLine(
        join(" ", c.givenName(), c.familyName()),
        c.dateOfBirth() != null ? day(c.dateOfBirth())
            : c.expectedDateOfBirth() != null ? "Expected " + day(c.expectedDateOfBirth()) : "Not known",
        c.school() == null ? "Not given" : c.school(),
        c.onChildProtectionPlan() ? "On a child protection plan" : "No plan")).toList();
    List<String> adults = r.household() == null ? List.of() : r.household().adults().stream()
        .map(a -> join(", ", join(" ", a.givenName(), a.familyName()), Words.code(a.relationship()),
            a.dateOfBirth() == null ? null : "born " + day(a.dateOfBirth()))).toList();
    List<String> risks = r.household() == null ? List.of()
        : r.household().riskFactors().stream().map(Words::code).toList();
    ReferralDetails.Concern concern = r.concern();
    ReferralDetails.DomesticAbuse dash = r.domesticAbuse();
    List<Row> dashRows = dash == null ? List.of() : List.of(
        new Row("DASH risk level", dash.dashRiskLevel() == null ? "Not given" : Words.code(dash.dashRiskLevel().name())),
        new Row("Children present", yesNo(dash.childrenPresent())),
        new Row("Children witnessed it", yesNo(dash.childrenWitnessed())),
        new Row("Children seen safe and well", yesNo(dash.childrenSeenSafeAndWell())),
        new Row("Children subject to a plan", yesNo(dash.childrenSubjectToPlan())),
        new Row("Schools attended", dash.schoolsAttended() == null ? "Not given" : dash.schoolsAttended()));
    ReferralDetails.Consent consent = r.consent();
    String consentWords = consent == null ? "Not given"
        : consent.consentGiven() ? "Given" : consent.parentAware() ? "Parent aware, consent not given"
        : "Not sought";
    return new ReferralSummary(r.referralId(), referrer, r.recordedBy(), children, adults, risks,
        concern == null ? "" : String.join(", ", concern.categories().stream().map(Words::code).toList()),
        concern == null ? "" : concern.summary(),
        concern == null || concern.incidentDate() == null ? "Not given" : day(concern.incidentDate()),
        concern != null && concern.immediateRisk(), dashRows, consentWords,
        consent == null || consent.consentGiven() ? null
            : join(" ", consent.reasonNotSought(), consent.lawfulBasis() == null ? null
                : "(lawful basis: " + Words.code(consent.lawfulBasis()) + ")"));
  }

  private static String day(LocalDate date) {
    return date.format(DAY);
  }

  private static String yesNo(Boolean answer) {
    return answer == null ? "Not known" : answer ? "Yes" : "No";
  }

  private static String join(String separator, String... parts) {
    return String.join(separator, java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList());
  }
}
