package org.mashfrontdoor.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A referral, as its referrer follows it")
class ReferralTest {

  static final Instant RECEIVED = Instant.parse("2026-11-23T09:00:00Z");

  static Referral received() {
    NewReferral form = new NewReferral(ReferralType.MARF,
        new Referral.Referrer(Agency.SCHOOL, "Bishop's Oak Primary", "A. Teacher", "DSL", "dsl@example.org", null),
        List.of(new Referral.Child("Ava", "Marsh", LocalDate.of(2016, 3, 14), "9434765919", null, false)),
        new Referral.Concern(Set.of(ConcernCategory.NEGLECT), "summary", false, 3), null,
        new Referral.Consent(true, true, null));
    return Referral.received("r-1", "MARF-2026-000001", form, RECEIVED, RECEIVED.plusSeconds(86_400));
  }

  @Test
  void starts_received_with_one_timeline_entry() {
    Referral referral = received();
    assertThat(referral.status()).isEqualTo(ReferralStatus.RECEIVED);
    assertThat(referral.timeline()).extracting(Referral.StatusChange::status).containsExactly(ReferralStatus.RECEIVED);
  }

  @Test
  void moves_to_triage_then_decided_with_outcome() {
    Referral decided = received().inTriage(RECEIVED.plusSeconds(5))
        .decided(TriageOutcome.EARLY_HELP, RECEIVED.plusSeconds(3600));
    assertThat(decided.status()).isEqualTo(ReferralStatus.DECIDED);
    assertThat(decided.outcome()).isEqualTo(TriageOutcome.EARLY_HELP);
    assertThat(decided.timeline()).extracting(Referral.StatusChange::status)
        .containsExactly(ReferralStatus.RECEIVED, ReferralStatus.IN_TRIAGE, ReferralStatus.DECIDED);
  }

  @Test
  void late_news_of_triage_does_not_move_a_decided_referral_back() {
    Referral decided = received().decided(TriageOutcome.SINGLE_ASSESSMENT, RECEIVED.plusSeconds(60));
    assertThat(decided.inTriage(RECEIVED.plusSeconds(120))).isSameAs(decided);
  }

  @Test
  void a_second_decision_does_not_replace_the_first() {
    Referral decided = received().decided(TriageOutcome.SINGLE_ASSESSMENT, RECEIVED.plusSeconds(60));
    assertThat(decided.decided(TriageOutcome.NO_FURTHER_ACTION, RECEIVED.plusSeconds(90))).isSameAs(decided);
  }

  @Test
  void is_urgent_for_immediate_risk_or_high_dash() {
    assertThat(received().urgent()).isFalse();
    Referral r = received();
    Referral highDash = new Referral(r.referralId(), r.reference(), ReferralType.POLICE_NOTIFICATION, r.referrer(),
        r.children(), r.concern(), DashRiskLevel.HIGH, r.consent(), r.receivedAt(), r.decisionDueBy(), r.status(),
        r.outcome(), r.timeline());
    assertThat(highDash.urgent()).isTrue();
  }
}
