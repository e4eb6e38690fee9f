package org.mashfrontdoor.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTest {

  @ParameterizedTest
  @ValueSource(strings = {"9434765919", "9434765870", "4010232137"})
  void accepts_numbers_whose_check_digit_is_right(String number) {
    assertThat(NhsNumber.isValid(number)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"9434765918", "943476591", "94347659190", "943476591A", "", "1000000010"})
  void rejects_wrong_check_digit_wrong_length_or_letters(String number) {
    assertThat(NhsNumber.isValid(number)).isFalse();
  }
}
