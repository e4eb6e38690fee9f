package org.mashfrontdoor.triage.adapters.web.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.triage.application.Intake;

@DisplayName("Record a contact: intake's problems go next to the fields their JSON Pointers name")
class PhoneContactFormTest {

  @Test
  void each_problem_goes_to_the_deepest_field_it_names_and_the_rest_to_the_form() {
    assertThat(PhoneContactForm.errorsOf(List.of(
        new Intake.Problem("/children/0/address/postcode", "must be a valid UK postcode"),
        new Intake.Problem("/children/0/address", "is incomplete"),
        new Intake.Problem("/concern/categories/0", "must be one of the categories"),
        new Intake.Problem("/referrer/email", "is required"),
        new Intake.Problem("/somethingElse", "is wrong"))))
        .containsExactly(Map.entry("postcode", "Postcode must be a valid UK postcode"),
            Map.entry("addressLine1", "Address is incomplete"),
            Map.entry("concernCategory", "Concern category must be one of the categories"),
            Map.entry("callerEmail", "Caller's email is required"),
            Map.entry("form", "The contact /somethingElse is wrong"));
  }

  @Test
  void only_answers_of_the_wrong_kind_are_the_forms_own_errors() {
    PhoneContactForm form = new PhoneContactForm("s-12345678", "PHONE", null, "NOT_AN_AGENCY", null, null, null,
        null, null, null, "31", "2", "2024", null, null, null, null, null, null, "yes", "maybe", "no", null);
    Map<String, String> errors = new LinkedHashMap<>();
    assertThat(form.contact(errors)).isNull();
    assertThat(errors).containsOnlyKeys("callerAgency", "childDobDay", "parentAware");
  }
}
