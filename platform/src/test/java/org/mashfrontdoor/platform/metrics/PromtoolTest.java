package org.mashfrontdoor.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.testsupport.Promtool;

/** The check every service's metrics test relies on: it must see what promtool objects to, and pass what it does not. */
class PromtoolTest {

  @Test
  void reports_camel_case_labels_and_missing_help() {
    String exposition = """
        # HELP triage_decisions_total Decisions signed off
        # TYPE triage_decisions_total counter
        triage_decisions_total{onTime="true"} 1.0
        # TYPE mash_outbox_backlog gauge
        mash_outbox_backlog 0.0
        """;
    assertThat(Promtool.checkMetrics(exposition)).containsExactlyInAnyOrder(
        "triage_decisions_total label names should be written in 'snake_case' not 'camelCase'",
        "mash_outbox_backlog no help text");
    assertThatThrownBy(() -> Promtool.assertCleanMetrics(exposition, "a service"))
        .isInstanceOf(AssertionError.class).hasMessageContaining("snake_case");
  }

  @Test
  void passes_a_clean_exposition() {
    Promtool.assertCleanMetrics("""
        # HELP triage_decisions_total Decisions signed off
        # TYPE triage_decisions_total counter
        triage_decisions_total{on_time="true"} 1.0
        """, "a service");
  }
}
