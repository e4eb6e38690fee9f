package org.mashfrontdoor.intake.adapters.web;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import org.mashfrontdoor.intake.application.ReceivingReferral;
import org.mashfrontdoor.intake.application.ViewingReferral;
import org.mashfrontdoor.intake.domain.NewReferral;
import org.mashfrontdoor.intake.domain.Referral;
import org.mashfrontdoor.platform.web.ProblemResponses;
import org.mashfrontdoor.platform.web.ProblemResponses.InvalidField;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The partner MARF API. */
@RestController
@RequestMapping("/api/v1/referrals")
class ReferralsController {

  private final ReceivingReferral receivingReferral;
  private final ViewingReferral viewingReferral;
  private final MarfValidation validation;

  ReferralsController(ReceivingReferral receivingReferral, ViewingReferral viewingReferral,
      MarfValidation validation) {
    this.receivingReferral = receivingReferral;
    this.viewingReferral = viewingReferral;
    this.validation = validation;
  }

  /** 202 only once the referral and its event are durably stored. */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Object> submit(@RequestBody MarfRequest marf) {
    List<InvalidField> errors = validation.check(marf);
    if (!errors.isEmpty()) {
      return ProblemResponses.problemResponse(ProblemResponses.invalid(errors));
    }
    Referral referral = receivingReferral.receive(toNewReferral(marf));
    return ResponseEntity.accepted().location(URI.create("/api/v1/referrals/" + referral.referralId()))
        .body(ReferralViews.Acknowledgement.of(referral));
  }

  @GetMapping("/{referralId}")
  ResponseEntity<Object> status(@PathVariable String referralId) {
    return viewingReferral.view(referralId)
        .<ResponseEntity<Object>>map(r -> ResponseEntity.ok(ReferralViews.Status.of(r)))
        .orElseGet(() -> ProblemResponses.problemResponse(ProblemResponses.problem(HttpStatus.NOT_FOUND,
            "Referral not found", "No referral with id " + referralId + " is visible to you.")));
  }

  private static NewReferral toNewReferral(MarfRequest m) {
    MarfRequest.Referrer by = m.referrer();
    return new NewReferral(
        m.referralType(),
        new Referral.Referrer(by.agency(), by.organisation(), by.name(), by.role(), by.email(), by.phone()),
        m.children().stream().map(c -> new Referral.Child(c.givenName(), c.familyName(), c.dateOfBirth(),
            c.nhsNumber(),
            c.address() == null ? null : new Referral.Address(c.address().line1(), c.address().line2(),
                c.address().town(), c.address().postcode().toUpperCase()),
            Boolean.TRUE.equals(c.onChildProtectionPlan()))).toList(),
        new Referral.Concern(EnumSet.copyOf(m.concern().categories()), m.concern().summary(),
            m.concern().immediateRisk(), m.concern().levelOfNeed()),
        m.domesticAbuse() == null ? null : m.domesticAbuse().dashRiskLevel(),
        new Referral.Consent(m.consent().parentAware(), m.consent().consentGiven(), m.consent().reasonNotSought()));
  }
}
