package org.mashfrontdoor.intake.adapters.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.mashfrontdoor.intake.domain.NhsNumber;
import org.mashfrontdoor.intake.domain.ReferralType;
import org.mashfrontdoor.platform.web.ProblemResponses;
import org.mashfrontdoor.platform.web.ProblemResponses.InvalidField;
import org.springframework.stereotype.Component;

/** Field rules (Bean Validation) and the rules that span fields, reported together. */
@Component
class MarfValidation {

  private final Validator validator;

  MarfValidation(Validator validator) {
    this.validator = validator;
  }

  List<InvalidField> check(MarfRequest marf) {
    List<InvalidField> errors = new ArrayList<>();
    for (ConstraintViolation<MarfRequest> violation : validator.validate(marf)) {
      errors.add(new InvalidField(ProblemResponses.pointer(violation.getPropertyPath().toString()),
          violation.getMessage()));
    }
    if (marf.referralType() == ReferralType.POLICE_NOTIFICATION && marf.domesticAbuse() == null) {
      errors.add(new InvalidField("/domesticAbuse", "is required for a police notification (DASH risk level)"));
    }
    if (marf.children() != null) {
      for (int i = 0; i < marf.children().size(); i++) {
        MarfRequest.Child child = marf.children().get(i);
        if (child != null && child.nhsNumber() != null && child.nhsNumber().matches("\\d{10}")
            && !NhsNumber.isValid(child.nhsNumber())) {
          errors.add(new InvalidField("/children/" + i + "/nhsNumber", "fails the NHS number check digit"));
        }
      }
    }
    MarfRequest.Consent consent = marf.consent();
    if (consent != null && Boolean.FALSE.equals(consent.consentGiven())
        && (consent.reasonNotSought() == null || consent.reasonNotSought().isBlank())) {
      errors.add(new InvalidField("/consent/reasonNotSought",
          "is required when consent was not given: say why and on what lawful basis"));
    }
    return errors;
  }
}
