package org.mashfrontdoor.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Which front-door decisions open a case")
class CaseTest {

  private static final Instant NOW = Instant.parse("2020-03-02T09:15:00Z");

  @ParameterizedTest(name = "{0} opens a {1} case")
  @CsvSource({
      "EARLY_HELP, EARLY_HELP",
      "SINGLE_ASSESSMENT, SINGLE_ASSESSMENT",
      "STRATEGY_DISCUSSION, STRATEGY_DISCUSSION"})
  void outcomes_that_lead_to_help_open_a_case_on_their_pathway(Outcome outcome, Pathway pathway) {
    Case opened = Case.openedBy(decision("d-1", outcome), NOW).orElseThrow();

    assertThat(opened.pathway()).isEqualTo(pathway);
    assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(opened.referralId()).isEqualTo("R-1");
    assertThat(opened.levelOfNeed()).isEqualTo(3);
    assertThat(opened.openedAt()).isEqualTo(NOW);
  }

  @ParameterizedTest(name = "{0} opens no case")
  @EnumSource(value = Outcome.class, names = {"NO_FURTHER_ACTION", "INFORMATION_AND_ADVICE"})
  void outcomes_that_close_the_contact_at_the_front_door_open_no_case(Outcome outcome) {
    assertThat(Case.openedBy(decision("d-1", outcome), NOW)).isEmpty();
  }

  @Test
  void the_same_decision_always_names_the_same_case_and_another_decision_another_case() {
    String first = Case.openedBy(decision("d-1", Outcome.EARLY_HELP), NOW).orElseThrow().caseId();
    String again = Case.openedBy(decision("d-1", Outcome.EARLY_HELP), NOW.plusSeconds(60)).orElseThrow().caseId();
    String other = Case.openedBy(decision("d-2", Outcome.EARLY_HELP), NOW).orElseThrow().caseId();

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @ParameterizedTest(name = "level of need {0} is refused")
  @CsvSource({"0", "5"})
  void a_level_of_need_outside_the_four_levels_is_refused(int levelOfNeed) {
    assertThatThrownBy(() -> new TriageDecision("d-1", "C-1", "R-1", Outcome.EARLY_HELP, levelOfNeed))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static TriageDecision decision(String decisionId, Outcome outcome) {
    return new TriageDecision(decisionId, "C-1", "R-1", outcome, 3);
  }
}
