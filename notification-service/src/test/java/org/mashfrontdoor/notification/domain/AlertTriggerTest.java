package org.mashfrontdoor.notification.domain;

import org.mashfrontdoor.platform.codes.CaseDeadlineKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Which events alert MASH staff")
class AlertTriggerTest {

  static final Instant NOW = Instant.parse("2026-03-02T09:15:00Z");
  static final String EVENT = "7f1c1d9e-0000-4000-8000-000000000001";

  static ReceivedReferral referral(boolean immediateRisk, DashRiskLevel dash) {
    return new ReceivedReferral(EVENT, "ref-1", "MARF-2026-000001", "POLICE", immediateRisk, dash);
  }

  @Test
  @DisplayName("a referral reporting immediate risk raises one IMMEDIATE_RISK alert naming agency and reference")
  void immediateRisk() {
    assertThat(referral(true, null).alertsAt(NOW)).singleElement().satisfies(alert -> {
      assertThat(alert.type()).isEqualTo(AlertType.IMMEDIATE_RISK);
      assertThat(alert.referralId()).isEqualTo("ref-1");
      assertThat(alert.reference()).isEqualTo("MARF-2026-000001");
      assertThat(alert.createdAt()).isEqualTo(NOW);
      assertThat(alert.eventId()).isEqualTo(EVENT);
      assertThat(alert.acknowledged()).isFalse();
      assertThat(alert.summary()).isEqualTo("Immediate risk reported by POLICE for referral MARF-2026-000001");
    });
  }

  @Test
  @DisplayName("a high DASH risk level raises one HIGH_RISK_DOMESTIC_ABUSE alert")
  void highDash() {
    assertThat(referral(false, DashRiskLevel.HIGH).alertsAt(NOW)).extracting(Alert::type)
        .containsExactly(AlertType.HIGH_RISK_DOMESTIC_ABUSE);
  }

  @Test
  @DisplayName("immediate risk with a high DASH level raises one alert per reason, with different ids")
  void bothReasons() {
    var alerts = referral(true, DashRiskLevel.HIGH).alertsAt(NOW);
    assertThat(alerts).extracting(Alert::type)
        .containsExactly(AlertType.IMMEDIATE_RISK, AlertType.HIGH_RISK_DOMESTIC_ABUSE);
    assertThat(alerts.get(0).alertId()).isNotEqualTo(alerts.get(1).alertId());
  }

  @Test
  @DisplayName("a referral without immediate risk and with a standard, medium or no DASH level raises nothing")
  void notUrgent() {
    assertThat(referral(false, null).alertsAt(NOW)).isEmpty();
    assertThat(referral(false, DashRiskLevel.STANDARD).alertsAt(NOW)).isEmpty();
    assertThat(referral(false, DashRiskLevel.MEDIUM).alertsAt(NOW)).isEmpty();
  }

  @Test
  @DisplayName("the alert id depends only on the event id and the reason, so redelivery raises the same ids")
  void deterministicIds() {
    var first = referral(true, DashRiskLevel.HIGH).alertsAt(NOW);
    var again = referral(true, DashRiskLevel.HIGH).alertsAt(NOW.plusSeconds(60));
    assertThat(again).extracting(Alert::alertId).isEqualTo(first.stream().map(Alert::alertId).toList());
    assertThat(Alert.idFor("another-event", AlertType.IMMEDIATE_RISK)).isNotEqualTo(first.get(0).alertId());
  }

  @Test
  @DisplayName("a recorded decision raises a DECISION_RECORDED alert stating the outcome")
  void decision() {
    var decision = new RecordedDecision(EVENT, "ref-1", "MARF-2026-000001", Outcome.STRATEGY_DISCUSSION);
    assertThat(decision.alertsAt(NOW)).singleElement().satisfies(alert -> {
      assertThat(alert.type()).isEqualTo(AlertType.DECISION_RECORDED);
      assertThat(alert.summary())
          .isEqualTo("Decision recorded for referral MARF-2026-000001: strategy discussion");
    });
  }

  @Test
  @DisplayName("a deadline warning raises DEADLINE_APPROACHING with its RAG, a missed one DEADLINE_BREACHED")
  void deadlines() {
    Instant due = Instant.parse("2026-03-03T09:00:00Z");
    var approaching = new DecisionDeadline(EVENT, "ref-1", "MARF-2026-000001", due, "AMBER", false);
    var breached = new DecisionDeadline(EVENT, "ref-1", "MARF-2026-000001", due, null, true);
    assertThat(approaching.alertsAt(NOW)).singleElement().satisfies(alert -> {
      assertThat(alert.type()).isEqualTo(AlertType.DEADLINE_APPROACHING);
      assertThat(alert.summary()).contains("MARF-2026-000001", "2026-03-03T09:00:00Z", "AMBER");
    });
    assertThat(breached.alertsAt(NOW)).singleElement().satisfies(alert -> {
      assertThat(alert.type()).isEqualTo(AlertType.DEADLINE_BREACHED);
      assertThat(alert.summary()).contains("MARF-2026-000001", "2026-03-03T09:00:00Z");
    });
  }

  @Test
  @DisplayName("a case deadline warning or breach names its kind, due time, case and referral, and keeps them")
  void caseDeadlines() {
    Instant due = Instant.parse("2026-03-20T17:00:00Z");
    var approaching = new CaseDeadline(EVENT, "ref-1", "case-1", CaseDeadlineKind.ICPC, due, false);
    var breached = new CaseDeadline(EVENT, "ref-1", "case-1", CaseDeadlineKind.CHILD_SEEN, due, true);
    assertThat(approaching.alertsAt(NOW)).singleElement().satisfies(alert -> {
      assertThat(alert.type()).isEqualTo(AlertType.CASE_DEADLINE_APPROACHING);
      assertThat(alert.summary()).isEqualTo("ICPC due by 2026-03-20T17:00:00Z for case case-1 (referral ref-1)");
      assertThat(alert.referralId()).isEqualTo("ref-1");
      assertThat(alert.caseId()).isEqualTo("case-1");
      assertThat(alert.kind()).isEqualTo(CaseDeadlineKind.ICPC);
      assertThat(alert.dueBy()).isEqualTo(due);
      assertThat(alert.alertId()).isEqualTo(Alert.idFor(EVENT, AlertType.CASE_DEADLINE_APPROACHING));
    });
    assertThat(breached.alertsAt(NOW)).singleElement().satisfies(alert -> {
      assertThat(alert.type()).isEqualTo(AlertType.CASE_DEADLINE_BREACHED);
      assertThat(alert.summary()).isEqualTo(
          "Child to be seen deadline missed for case case-1 (referral ref-1): it was due by 2026-03-20T17:00:00Z");
      assertThat(alert.kind()).isEqualTo(CaseDeadlineKind.CHILD_SEEN);
    });
  }

  @Test
  @DisplayName("referral and decision alerts name no case")
  void noCaseOutsideCaseDeadlines() {
    assertThat(referral(true, null).alertsAt(NOW)).singleElement().satisfies(alert -> {
      assertThat(alert.caseId()).isNull();
      assertThat(alert.kind()).isNull();
      assertThat(alert.dueBy()).isNull();
    });
  }
}
