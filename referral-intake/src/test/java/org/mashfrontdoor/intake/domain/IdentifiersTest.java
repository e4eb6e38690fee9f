package org.mashfrontdoor.intake.domain;

import org.mashfrontdoor.platform.codes.Agency;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Children's identifiers and the CIN census codes")
class IdentifiersTest {

  @ParameterizedTest(name = "UPN {0} valid: {1}")
  @CsvSource({
      "B801200005001, true",   // permanent UPN, check letter B
      "A801200005001, false",  // wrong check letter
      "Q207000016049, false",  // weighted sum 266 mod 23 = 13: P, not Q
      "P207000016049, true",
      "X80120000A001, false",  // letters only first and last
      "B80120000500,  false",  // 12 characters
      "I801200005001, false",  // I, O and S are never check letters
  })
  void upn_has_a_check_letter_over_eleven_digits_and_a_final_character(String upn, boolean valid) {
    assertThat(Upn.isValid(upn)).isEqualTo(valid);
  }

  @Test
  void a_temporary_upn_ends_in_a_letter_counted_by_its_place_in_the_check_alphabet() {
    // 8*2+0*3+1*4+2*5+0+0+0+0+5*10+0*11+0*12 + A(0)*13 = 80; 80 mod 23 = 11 -> M
    assertThat(Upn.isValid("M80120000500A")).isTrue();
    assertThat(Upn.isValid("B80120000500A")).isFalse();
  }

  @Test
  void agencies_carry_their_cin_census_source_codes() {
    assertThat(Agency.POLICE.cinCensusCode()).isEqualTo("6");
    assertThat(Agency.SCHOOL.cinCensusCode()).isEqualTo("2A");
    assertThat(Agency.HEALTH_VISITOR.cinCensusCode()).isEqualTo("3B");
    assertThat(Agency.GP.cinCensusCode()).isEqualTo("3A");
    assertThat(Agency.HOSPITAL_AE.cinCensusCode()).isEqualTo("3E");
    assertThat(Agency.PROBATION.cinCensusCode()).isEqualTo("7");
    assertThat(Agency.EARLY_HELP.cinCensusCode()).isEqualTo("5D");
    assertThat(Agency.OTHER_LOCAL_AUTHORITY.cinCensusCode()).isEqualTo("5C");
    assertThat(Agency.VOLUNTARY_SECTOR.cinCensusCode()).isEqualTo("8");
    assertThat(Agency.ANONYMOUS.cinCensusCode()).isEqualTo("9");
  }

  @Test
  void child_keys_are_pseudonymous_and_match_across_case_accents_and_spacing() {
    ChildKeys keys = new ChildKeys("a-test-secret-of-some-length");
    ChildIdentity one = keys.of(child("Zoë", "O'Neil-Smith", "9434765919", null, "hr4 9ep"));
    ChildIdentity same = keys.of(child("ZOE ", "o'neil-smith", null, null, "HR49EP"));
    assertThat(one.keys()).hasSize(2).doesNotContain("9434765919").allMatch(k -> k.matches("[0-9a-f]{64}"));
    assertThat(same.keys()).hasSize(1);
    assertThat(one.keys()).containsAll(same.keys());
    assertThat(one.sameChildAs(same)).isTrue();
    assertThat(new ChildKeys("another-secret-entirely").of(child("Zoë", "O'Neil-Smith", "9434765919", null,
        "hr4 9ep")).keys()).doesNotContainAnyElementsOf(one.keys());
  }

  @Test
  void names_keep_their_digits_and_punctuation() {
    assertThat(ChildKeys.normalisedName(" Zoë  O'Neil ")).isEqualTo("zoe o'neil");
    assertThat(ChildKeys.normalisedName("Ava2")).isNotEqualTo(ChildKeys.normalisedName("Ava"));
    assertThat(ChildKeys.normalisedName("O'Neil")).isNotEqualTo(ChildKeys.normalisedName("ONeil"));
  }

  @Test
  void a_child_without_date_of_birth_or_postcode_has_no_name_key() {
    ChildKeys keys = new ChildKeys("a-test-secret-of-some-length");
    assertThat(keys.of(new NewReferral.Child("Ava", "Marsh", null, LocalDate.of(2027, 1, 1), null, null, null,
        null, null, null, false)).keys()).isEmpty();
    assertThat(keys.of(child("Ava", "Marsh", null, "B801200005001", null)).keys()).hasSize(1);
  }

  static NewReferral.Child child(String given, String family, String nhs, String upn, String postcode) {
    return new NewReferral.Child(given, family, LocalDate.of(2016, 3, 14), null, null, null, nhs, upn,
        postcode == null ? null : new NewReferral.Address("1 Street", null, "Town", postcode), null, false);
  }
}
