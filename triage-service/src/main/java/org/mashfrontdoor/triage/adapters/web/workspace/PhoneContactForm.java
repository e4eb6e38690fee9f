package org.mashfrontdoor.triage.adapters.web.workspace;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mashfrontdoor.platform.codes.Agency;
import org.mashfrontdoor.triage.application.Intake;
import org.mashfrontdoor.triage.application.PhoneContact;

/**
 * The "record a contact" form as typed. It checks only that each answer is of the right kind (a channel chosen, yes
 * or no answered, a real date); whether the contact is complete is intake's rule, and intake's answer, a JSON
 * Pointer per problem, is put back next to the field it names ({@link #FIELDS}).
 */
record PhoneContactForm(String submissionId, String channel, String callerName, String callerAgency,
    String callerOrganisation, String callerRole, String callerEmail, String callerPhone, String childGivenName,
    String childFamilyName, String childDobDay, String childDobMonth, String childDobYear, String addressLine1,
    String town, String postcode, String school, String concernCategory, String concern, String immediateRisk,
    String parentAware, String consentGiven, String reasonNotSought) {

  /** Each MARF field (JSON Pointer) the form asks for: the form field's id and its label. */
  record Field(String pointer, String id, String label) {
  }

  static final List<Field> FIELDS = List.of(
      new Field("/source", "callerAgency", "Who the contact is from"),
      new Field("/referrer/name", "callerName", "Caller's name"),
      new Field("/referrer/organisation", "callerOrganisation", "Caller's organisation"),
      new Field("/referrer/role", "callerRole", "Caller's role"),
      new Field("/referrer/email", "callerEmail", "Caller's email"),
      new Field("/referrer/phone", "callerPhone", "Caller's phone"),
      new Field("/children/0/givenName", "childGivenName", "Child's given name"),
      new Field("/children/0/familyName", "childFamilyName", "Child's family name"),
      new Field("/children/0/dateOfBirth", "childDobDay", "Child's date of birth"),
      new Field("/children/0/address/line1", "addressLine1", "Address line 1"),
      new Field("/children/0/address/town", "town", "Town"),
      new Field("/children/0/address/postcode", "postcode", "Postcode"),
      new Field("/children/0/address", "addressLine1", "Address"),
      new Field("/children/0/school", "school", "School"),
      new Field("/concern/categories", "concernCategory", "Concern category"),
      new Field("/concern/summary", "concern", "The concern"),
      new Field("/concern/immediateRisk", "immediateRisk", "Immediate risk"),
      new Field("/consent/parentAware", "parentAware", "Parent aware"),
      new Field("/consent/consentGiven", "consentGiven", "Consent given"),
      new Field("/consent/reasonNotSought", "reasonNotSought", "Why consent was not sought or given"));

  static PhoneContactForm blank(String submissionId) {
    return new PhoneContactForm(submissionId, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null);
  }

  /** The answers of the right kind, or the fields that are not (in {@code errors}, by field id). */
  PhoneContact contact(Map<String, String> errors) {
    PhoneContact.Channel how = ContactPage.enumOf(PhoneContact.Channel.class, channel);
    if (how == null) {
      errors.put("channel", "Select how the contact came in");
    }
    Agency agency = ContactPage.enumOf(Agency.class, callerAgency);
    if (agency == null) {
      errors.put("callerAgency", "Select who the contact is from, for example a family member or anonymous");
    }
    LocalDate born = dateOfBirth(errors);
    Boolean risk = yesNo(immediateRisk, "immediateRisk", "Select yes if a child is at risk of significant harm now",
        errors);
    Boolean aware = yesNo(parentAware, "parentAware", "Select yes if a parent knows about the contact", errors);
    Boolean consent = yesNo(consentGiven, "consentGiven", "Select yes if consent was given", errors);
    if (!errors.isEmpty()) {
      return null;
    }
    return new PhoneContact(how, new PhoneContact.Caller(callerName, agency, callerOrganisation, callerRole,
        callerEmail, callerPhone), new PhoneContact.ChildNamed(childGivenName, childFamilyName, born, addressLine1,
        town, postcode, school), concernCategory, concern, risk, aware, consent, reasonNotSought);
  }

  /** Intake's problems, each next to the field its pointer names (the deepest named field); others for the form. */
  static Map<String, String> errorsOf(List<Intake.Problem> problems) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (Intake.Problem problem : problems) {
      String pointer = problem.pointer() == null ? "" : problem.pointer();
      Field field = FIELDS.stream().filter(f -> pointer.equals(f.pointer()) || pointer.startsWith(f.pointer() + "/"))
          .findFirst().orElse(null);
      String detail = problem.detail() == null ? "is not right" : problem.detail();
      if (field == null) {
        errors.merge("form", "The contact " + pointer + " " + detail, (a, b) -> a + "; " + b);
      } else {
        errors.putIfAbsent(field.id(), field.label() + " " + detail);
      }
    }
    return errors;
  }

  private LocalDate dateOfBirth(Map<String, String> errors) {
    boolean any = ContactPage.present(childDobDay) || ContactPage.present(childDobMonth)
        || ContactPage.present(childDobYear);
    if (!any) {
      return null;
    }
    try {
      return LocalDate.of(Integer.parseInt(childDobYear.strip()), Integer.parseInt(childDobMonth.strip()),
          Integer.parseInt(childDobDay.strip()));
    } catch (NumberFormatException | NullPointerException | DateTimeException e) {
      errors.put("childDobDay", "Child's date of birth must be a real date, for example 27 3 2024");
      return null;
    }
  }

  private static Boolean yesNo(String answer, String field, String message, Map<String, String> errors) {
    if ("yes".equals(answer)) {
      return true;
    }
    if ("no".equals(answer)) {
      return false;
    }
    errors.put(field, message);
    return null;
  }
}
