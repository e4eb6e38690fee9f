package org.mashfrontdoor.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Metric names read from PromQL")
class PrometheusExpressionsTest {

  @Test
  void selectors_are_names_and_functions_keywords_labels_strings_and_durations_are_not() {
    assertThat(PrometheusExpressions.metricNames("""
        sum by (kind, on_time) (increase(mash_case_deadlines_met_total{on_time="true",x=~"a|b"}[30d] offset 5m))
          / on (kind) group_left (policy) sum without (le) (rate(triage_decision_time_seconds_bucket[$__range]))
          > bool 0.95 and up{job="mash-front-door"} == 0 or mash:triage_decisions_within_24h:ratio_1d"""))
        .containsExactly("mash:triage_decisions_within_24h:ratio_1d", "mash_case_deadlines_met_total",
            "triage_decision_time_seconds_bucket", "up");
  }

  @Test
  void the_repository_rules_and_dashboards_name_the_services_metrics() throws Exception {
    PrometheusExpressions observability = PrometheusExpressions.ofThisRepository();
    assertThat(observability.recordedNames()).contains("mash:triage_decisions_within_24h:ratio_1d");
    assertThat(observability.metricNames())
        .contains("triage_decisions_total", "mash_outbox_oldest_pending_age_seconds", "up")
        .doesNotContain("mash:triage_decisions_within_24h:ratio_1d", "sum", "by", "le", "kind");
  }
}
