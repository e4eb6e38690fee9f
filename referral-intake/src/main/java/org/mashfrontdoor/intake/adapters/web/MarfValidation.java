package org.mashfrontdoor.intake.adapters.web;

import org.mashfrontdoor.platform.codes.ReferralType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.mashfrontdoor.intake.domain.NhsNumber;
import org.mashfrontdoor.intake.domain.Upn;
import org.mashfrontdoor.platform.web.ProblemResponses.InvalidField;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The rules the published JSON Schema cannot say (its description lists them), run only on a form the schema
 * accepted ({@link MarfSchema}) and reported together. Messages never echo values.
 */
@Component
class MarfValidation {

  /** Children's services work with under-18s; an older "child" is almost always a mistyped year. */
  static final int MAX_AGE_YEARS = 18;
  /** A pregnancy is at most ~42 weeks; an expected birth a little in the past is an overdue baby. */
  static final int MAX_WEEKS_UNTIL_BIRTH = 42;
  static final int MAX_WEEKS_OVERDUE = 4;
  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final String NOT_IN_FUTURE = "must not be in the future (Europe/London)";
  static final String SOURCE = "source";

  private final Clock clock;

  MarfValidation(Clock clock) {
    this.clock = clock;
  }

  /**
   * Which variant of the form the caller may send, checked first (the schema describes both but cannot know who
   * calls): a partner's source is the agency its token names, so it may not give one; MASH staff recording a contact
   * must say who made it.
   */
  static List<InvalidField> variant(JsonNode form, boolean recordedByStaff) {
    boolean hasSource = form.isObject() && form.has(SOURCE);
    if (recordedByStaff && !hasSource) {
      return List.of(new InvalidField("/" + SOURCE, "is required for a contact recorded by MASH staff: who made "
          + "the contact, e.g. INDIVIDUAL, FAMILY_MEMBER or ANONYMOUS"));
    }
    if (!recordedByStaff && hasSource) {
      return List.of(new InvalidField("/" + SOURCE, "is given only for a contact recorded by MASH staff: a "
          + "partner's source is the agency its token names (leave source out)"));
    }
    return List.of();
  }

  List<InvalidField> check(MarfRequest marf) {
    List<InvalidField> errors = new ArrayList<>();
    if (marf.referralType() == ReferralType.POLICE_NOTIFICATION && marf.domesticAbuse() == null) {
      errors.add(new InvalidField("/domesticAbuse",
          "is required for a police notification (DASH risk level and the DASH Q10 child items)"));
    }
    LocalDate today = LocalDate.now(clock.withZone(LONDON));
    for (int i = 0; i < marf.children().size(); i++) {
      checkChild(marf.children().get(i), "/children/" + i, today, errors);
    }
    if (marf.household() != null && marf.household().adults() != null) {
      for (int i = 0; i < marf.household().adults().size(); i++) {
        notInFuture(marf.household().adults().get(i).dateOfBirth(), "/household/adults/" + i + "/dateOfBirth",
            today, errors);
      }
    }
    notInFuture(marf.concern().incidentDate(), "/concern/incidentDate", today, errors);
    MarfRequest.Consent consent = marf.consent();
    if (Boolean.FALSE.equals(consent.consentGiven())
        && (consent.reasonNotSought() == null || consent.reasonNotSought().isBlank())) {
      errors.add(new InvalidField("/consent/reasonNotSought",
          "is required when consent was not given: say why (and give the lawfulBasis)"));
    }
    return errors;
  }

  private static void checkChild(MarfRequest.Child child, String at, LocalDate today, List<InvalidField> errors) {
    boolean unborn = child.expectedDateOfBirth() != null;
    if (unborn && child.dateOfBirth() != null) {
      errors.add(new InvalidField(at + "/expectedDateOfBirth",
          "must not be given with a dateOfBirth: a child is either born or unborn"));
    }
    if (!unborn && (child.givenName() == null || child.givenName().isBlank())) {
      errors.add(new InvalidField(at + "/givenName", "must not be blank (only an unborn child may have none)"));
    }
    if (child.dateOfBirth() != null && child.dateOfBirth().isAfter(today)) {
      errors.add(new InvalidField(at + "/dateOfBirth", NOT_IN_FUTURE));
    } else if (child.dateOfBirth() != null && child.dateOfBirth().isBefore(today.minusYears(MAX_AGE_YEARS))) {
      errors.add(new InvalidField(at + "/dateOfBirth", "must be the date of birth of a child under " + MAX_AGE_YEARS));
    }
    if (unborn && (child.expectedDateOfBirth().isAfter(today.plusWeeks(MAX_WEEKS_UNTIL_BIRTH))
        || child.expectedDateOfBirth().isBefore(today.minusWeeks(MAX_WEEKS_OVERDUE)))) {
      errors.add(new InvalidField(at + "/expectedDateOfBirth", "must be within " + MAX_WEEKS_UNTIL_BIRTH
          + " weeks from today (or up to " + MAX_WEEKS_OVERDUE + " weeks overdue)"));
    }
    if (child.nhsNumber() != null && !NhsNumber.isValid(child.nhsNumber())) {
      errors.add(new InvalidField(at + "/nhsNumber", "fails the NHS number check digit"));
    }
    if (child.upn() != null && !Upn.isValid(child.upn())) {
      errors.add(new InvalidField(at + "/upn", "fails the UPN check letter"));
    }
  }

  private static void notInFuture(LocalDate date, String at, LocalDate today, List<InvalidField> errors) {
    if (date != null && date.isAfter(today)) {
      errors.add(new InvalidField(at, NOT_IN_FUTURE));
    }
  }
}
