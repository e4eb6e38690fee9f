package org.mashfrontdoor.triage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A MASH contact")
class ContactTest {

  static final Instant RECEIVED = Instant.parse("2026-03-02T09:00:00Z");
  static final DeadlinePolicy ELAPSED_24H = DeadlinePolicy.elapsed(Duration.ofHours(24));
  static final RagPolicy RAG = new RagPolicy(Duration.ofHours(8), Duration.ofHours(2));

  static Contact contact(String referralId, boolean urgent, Instant receivedAt) {
    return Contact.open(referralId, "MARF-2026-000001", receivedAt, urgent, ELAPSED_24H);
  }

  @Nested
  @DisplayName("is due for a decision by its deadline policy")
  class Deadline {

    @Test
    void within_24_elapsed_hours_of_receipt_by_default() {
      Contact contact = contact("r-1", false, RECEIVED);
      assertThat(contact.decisionDueBy()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
      assertThat(contact.deadlinePolicy().id()).isEqualTo("ELAPSED_24H");
      assertThat(contact.deadlinePolicy().version()).isEqualTo(1);
      assertThat(contact.status()).isEqualTo(ContactStatus.OPEN);
    }

    @Test
    void names_a_configured_policy_by_its_duration() {
      assertThat(DeadlinePolicy.elapsed(Duration.ofMinutes(90)).id()).isEqualTo("ELAPSED_1H30M");
      assertThatThrownBy(() -> DeadlinePolicy.elapsed(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void time_remaining_is_negative_once_breached() {
      Contact contact = contact("r-1", false, RECEIVED);
      assertThat(contact.timeRemaining(RECEIVED.plus(Duration.ofHours(20)))).isEqualTo(Duration.ofHours(4));
      assertThat(contact.timeRemaining(RECEIVED.plus(Duration.ofHours(25)))).isEqualTo(Duration.ofHours(-1));
    }
  }

  @Nested
  @DisplayName("is urgent")
  class Urgency {

    @Test
    void when_the_referrer_reports_immediate_risk() {
      assertThat(Contact.isUrgent(true, null)).isTrue();
      assertThat(Contact.isUrgent(true, DashRiskLevel.STANDARD)).isTrue();
    }

    @Test
    void when_police_assess_domestic_abuse_as_high_risk() {
      assertThat(Contact.isUrgent(false, DashRiskLevel.HIGH)).isTrue();
    }

    @Test
    void not_otherwise() {
      assertThat(Contact.isUrgent(false, null)).isFalse();
      assertThat(Contact.isUrgent(false, DashRiskLevel.STANDARD)).isFalse();
      assertThat(Contact.isUrgent(false, DashRiskLevel.MEDIUM)).isFalse();
    }
  }

  @Test
  void queues_urgent_contacts_first_then_by_soonest_deadline() {
    Contact calmEarly = contact("a", false, RECEIVED.minus(Duration.ofHours(3)));
    Contact calmLate = contact("b", false, RECEIVED);
    Contact urgentLate = contact("c", true, RECEIVED.plus(Duration.ofHours(1)));
    Contact urgentEarly = contact("d", true, RECEIVED);

    assertThat(Stream.of(calmLate, urgentLate, calmEarly, urgentEarly).sorted(Contact.QUEUE_ORDER).toList())
        .isEqualTo(List.of(urgentEarly, urgentLate, calmEarly, calmLate));
  }

  @Nested
  @DisplayName("once decided")
  class Deciding {

    final Contact open = contact("r-1", false, RECEIVED);
    final Instant due = open.decisionDueBy();

    @Test
    void is_on_time_up_to_and_including_the_deadline() {
      assertThat(open.decide(Outcome.EARLY_HELP, 2, "Family agree to early help.", due).decision().onTime()).isTrue();
      assertThat(open.decide(Outcome.EARLY_HELP, 2, "Family agree to early help.", due.plusNanos(1))
          .decision().onTime()).isFalse();
    }

    @Test
    void keeps_the_rag_it_had_when_decided() {
      Contact decided = open.decide(Outcome.SINGLE_ASSESSMENT, 3, "Neglect indicators.",
          due.minus(Duration.ofHours(5)));
      assertThat(decided.status()).isEqualTo(ContactStatus.DECIDED);
      assertThat(decided.rag(RAG, due.plus(Duration.ofDays(3)))).isEqualTo(Rag.AMBER);
      assertThat(open.rag(RAG, due.plus(Duration.ofDays(3)))).isEqualTo(Rag.BREACHED);
    }

    @Test
    void cannot_be_decided_again() {
      Contact decided = open.decide(Outcome.NO_FURTHER_ACTION, 1, "Already known and supported.", RECEIVED);
      assertThatThrownBy(() -> decided.decide(Outcome.STRATEGY_DISCUSSION, 4, "Changed mind.", RECEIVED))
          .isInstanceOf(ContactAlreadyDecided.class);
    }

    @Test
    void needs_a_level_of_need_from_1_to_4_and_a_rationale() {
      assertThatThrownBy(() -> open.decide(Outcome.EARLY_HELP, 5, "x", RECEIVED))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> open.decide(Outcome.EARLY_HELP, 2, " ", RECEIVED))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> open.decide(Outcome.EARLY_HELP, 2, "x".repeat(4001), RECEIVED))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
