package org.mashfrontdoor.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.codes.CaseDeadlineKind;
import org.mashfrontdoor.platform.time.WorkingDayCalendar;

@DisplayName("Alerts: which events alert whom, escalation and deliveries")
public class AlertsTest {

  // Monday 2 March 2026, 10:15 London (GMT): office hours.
  static final Instant IN_HOURS = Instant.parse("2026-03-02T10:15:00Z");
  static final Instant SATURDAY = Instant.parse("2026-03-07T10:15:00Z");
  static final String EVENT = "7f1c1d9e-0000-4000-8000-000000000001";

  public static final Routing ROUTING = new Routing(Map.of(
      AlertType.URGENT_CONTACT, new Routing.Route(Severity.URGENT, List.of(Audience.MASH_MANAGER)),
      AlertType.DECISION_RECORDED, new Routing.Route(Severity.INFO, List.of(Audience.MASH_TEAM)),
      AlertType.DEADLINE_APPROACHING, new Routing.Route(Severity.WARNING, List.of(Audience.MASH_TEAM)),
      AlertType.DEADLINE_BREACHED, new Routing.Route(Severity.URGENT,
          List.of(Audience.MASH_MANAGER, Audience.HEAD_OF_SERVICE)),
      AlertType.CASE_DEADLINE_APPROACHING, new Routing.Route(Severity.WARNING, List.of(Audience.TEAM_MANAGER)),
      AlertType.CASE_DEADLINE_BREACHED, new Routing.Route(Severity.URGENT, List.of(Audience.TEAM_MANAGER)),
      AlertType.RAG_DIGEST, new Routing.Route(Severity.INFO, List.of(Audience.MASH_TEAM))),
      Map.of(Audience.MASH_MANAGER, new Routing.Recipients(List.of("mgr@mash.example"), List.of("07700900001", " ")),
          Audience.MASH_TEAM, new Routing.Recipients(List.of("team@mash.example"), List.of("07700900002")),
          Audience.HEAD_OF_SERVICE, new Routing.Recipients(List.of("hos@mash.example"), List.of()),
          Audience.EMERGENCY_DUTY_TEAM, new Routing.Recipients(List.of("edt@mash.example"), List.of())),
      Duration.ofMinutes(15), WorkingDayCalendar.englandAndWales(), LocalTime.of(9, 0), LocalTime.of(17, 0));

  static Alert urgentContact(Instant at) {
    return ROUTING.route(new UrgentContact(EVENT, "ref-1", "MARF-2026-000001", true,
        List.of("IMMEDIATE_RISK", "HIGH_RISK_DOMESTIC_ABUSE")).alertsAt(at).get(0), at);
  }

  @Nested
  @DisplayName("the one urgency rule is triage's")
  class Urgency {

    @Test
    void an_urgent_contact_raises_one_urgent_contact_alert_with_its_reasons_and_no_personal_data() {
      Alert alert = urgentContact(IN_HOURS);
      assertThat(alert.type()).isEqualTo(AlertType.URGENT_CONTACT);
      assertThat(alert.reasons()).containsExactly("IMMEDIATE_RISK", "HIGH_RISK_DOMESTIC_ABUSE");
      assertThat(alert.summary()).isEqualTo("Urgent contact MARF-2026-000001: immediate risk, high risk domestic abuse");
      assertThat(alert.alertId()).isEqualTo(Alert.idFor(EVENT, AlertType.URGENT_CONTACT));
    }

    @Test
    void a_contact_that_is_not_urgent_raises_nothing() {
      assertThat(new UrgentContact(EVENT, "ref-1", "MARF-1", false, List.of()).alertsAt(IN_HOURS)).isEmpty();
    }
  }

  @Nested
  @DisplayName("routing as data")
  class Routed {

    @Test
    void an_urgent_contact_goes_to_the_duty_manager_by_email_and_sms_and_escalates_after_15_minutes() {
      Alert alert = urgentContact(IN_HOURS);
      assertThat(alert.severity()).isEqualTo(Severity.URGENT);
      assertThat(alert.audience()).containsExactly(Audience.MASH_MANAGER);
      assertThat(alert.escalatesAt()).isEqualTo(IN_HOURS.plus(Duration.ofMinutes(15)));
      assertThat(alert.deliveries()).extracting(Delivery::key)
          .containsExactly("EMAIL:mgr@mash.example", "SMS:07700900001");
    }

    @Test
    void out_of_hours_an_urgent_alert_also_goes_to_the_emergency_duty_team() {
      assertThat(urgentContact(SATURDAY).audience()).containsExactly(Audience.MASH_MANAGER,
          Audience.EMERGENCY_DUTY_TEAM);
      assertThat(ROUTING.outOfHours(Instant.parse("2026-03-02T17:00:00Z"))).as("17:00 is closed").isTrue();
      assertThat(ROUTING.outOfHours(Instant.parse("2026-04-03T10:00:00Z"))).as("Good Friday").isTrue();
      assertThat(ROUTING.outOfHours(IN_HOURS)).isFalse();
    }

    @Test
    void a_warning_goes_to_the_team_by_email_only_and_never_escalates() {
      Alert approaching = ROUTING.route(new DecisionDeadline(EVENT, "ref-1", "MARF-1",
          IN_HOURS.plus(Duration.ofHours(8)), "AMBER", false).alertsAt(IN_HOURS).get(0), IN_HOURS);
      assertThat(approaching.audience()).containsExactly(Audience.MASH_TEAM);
      assertThat(approaching.escalatesAt()).isNull();
      assertThat(approaching.deliveries()).extracting(Delivery::key).containsExactly("EMAIL:team@mash.example");
    }

    @Test
    void a_case_deadline_breach_names_kind_case_and_referral_and_goes_to_the_case_team_manager() {
      Instant due = Instant.parse("2026-03-20T23:59:59.999Z");
      Alert breach = ROUTING.route(new CaseDeadline(EVENT, "ref-1", "case-1", CaseDeadlineKind.ICPC, due, true)
          .alertsAt(IN_HOURS).get(0), IN_HOURS);
      assertThat(breach.type()).isEqualTo(AlertType.CASE_DEADLINE_BREACHED);
      assertThat(breach.audience()).containsExactly(Audience.TEAM_MANAGER);
      assertThat(breach.summary()).isEqualTo("ICPC deadline missed for case case-1 (referral ref-1): it was due by " + due);
      assertThat(breach.kind()).isEqualTo(CaseDeadlineKind.ICPC);
    }
  }

  @Nested
  @DisplayName("acknowledgement and escalation")
  class Escalation {

    @Test
    void unacknowledged_it_escalates_to_the_head_of_service_once_and_no_further() {
      Alert alert = urgentContact(IN_HOURS);
      Instant later = alert.escalatesAt();
      assertThat(alert.escalationDue(later.minusMillis(1))).isFalse();
      assertThat(alert.escalationDue(later)).isTrue();
      Alert escalation = ROUTING.escalationOf(alert, later).orElseThrow();
      assertThat(escalation.type()).isEqualTo(AlertType.ESCALATED);
      assertThat(escalation.audience()).containsExactly(Audience.HEAD_OF_SERVICE);
      assertThat(escalation.escalationOf()).isEqualTo(alert.alertId());
      assertThat(escalation.level()).isEqualTo(1);
      assertThat(escalation.escalatesAt()).as("nobody above the head of service").isNull();
      assertThat(ROUTING.escalationOf(alert, later).orElseThrow().alertId()).as("same id: raised once")
          .isEqualTo(escalation.alertId());
      assertThat(alert.escalated().escalationDue(later.plusSeconds(3600))).isFalse();
    }

    @Test
    void a_team_alert_climbs_the_ladder_manager_then_head_of_service() {
      Alert team = ROUTING.route(Alert.raise(EVENT, AlertType.DECISION_RECORDED, "ref-1", "MARF-1", IN_HOURS, "s"),
          IN_HOURS).routed(Severity.URGENT, List.of(Audience.MASH_TEAM), IN_HOURS, List.of());
      Alert toManager = ROUTING.escalationOf(team, IN_HOURS).orElseThrow();
      assertThat(toManager.audience()).containsExactly(Audience.MASH_MANAGER);
      assertThat(toManager.escalatesAt()).isEqualTo(IN_HOURS.plus(Duration.ofMinutes(15)));
      Alert toHead = ROUTING.escalationOf(toManager, toManager.escalatesAt()).orElseThrow();
      assertThat(toHead.audience()).containsExactly(Audience.HEAD_OF_SERVICE);
      assertThat(toHead.level()).isEqualTo(2);
      assertThat(toHead.escalationOf()).isEqualTo(team.alertId());
    }

    @Test
    void acknowledging_records_who_and_when_stops_escalation_and_repeating_it_changes_nothing() {
      Alert alert = urgentContact(IN_HOURS);
      Alert acknowledged = alert.acknowledge("mgr-1", IN_HOURS.plusSeconds(60));
      assertThat(acknowledged.acknowledgedBy()).isEqualTo("mgr-1");
      assertThat(acknowledged.escalationDue(alert.escalatesAt())).isFalse();
      assertThat(acknowledged.deliveries()).as("the first delivery still goes").isEqualTo(alert.deliveries());
      assertThat(acknowledged.acknowledge("someone-else", IN_HOURS.plusSeconds(120))).isEqualTo(acknowledged);
    }
  }

  @Nested
  @DisplayName("deliveries")
  class Deliveries {

    @Test
    void a_failed_delivery_is_tried_again_after_a_doubling_backoff_and_a_sent_one_stays_sent() {
      Delivery owed = Delivery.owed(Channel.EMAIL, "mgr@mash.example", IN_HOURS);
      Delivery once = owed.failed("SMTP: MailSendException", IN_HOURS, 0.0);
      Delivery twice = once.failed("SMTP: MailSendException", IN_HOURS, 0.0);
      assertThat(once.nextAttemptAt()).isEqualTo(IN_HOURS.plusSeconds(1));
      assertThat(twice.nextAttemptAt()).isEqualTo(IN_HOURS.plusSeconds(2));
      assertThat(twice.attempts()).isEqualTo(2);
      assertThat(owed.failed("x", IN_HOURS, 0.99).nextAttemptAt()).isBefore(IN_HOURS.plusMillis(1200));

      Alert alert = urgentContact(IN_HOURS);
      Delivery email = alert.deliveries().get(0);
      Alert sent = alert.withDeliveries(Map.of(email.key(), email.sent(IN_HOURS)));
      assertThat(sent.nextDeliveryAt(Channel.EMAIL)).isNull();
      assertThat(sent.withDeliveries(Map.of(email.key(), email.failed("late", IN_HOURS, 0))).deliveries().get(0)
          .state()).isEqualTo(Delivery.State.SENT);
    }

    @Test
    void a_sender_claims_the_due_deliveries_of_its_channel_only_until_its_lease_ends() {
      Alert alert = urgentContact(IN_HOURS);
      Alert claimed = alert.leaseDeliveries(Channel.EMAIL, IN_HOURS, IN_HOURS.plusSeconds(60));
      assertThat(claimed.deliveryDue(Channel.EMAIL, IN_HOURS.plusSeconds(59))).isFalse();
      assertThat(claimed.deliveryDue(Channel.EMAIL, IN_HOURS.plusSeconds(60))).as("retried after the lease").isTrue();
      assertThat(claimed.deliveryDue(Channel.SMS, IN_HOURS)).as("SMS is another sender's").isTrue();
    }
  }

  @Test
  @DisplayName("the RAG digest lists every open contact, oldest first, with references and times only")
  void ragDigest() {
    RagDigest digest = new RagDigest(EVENT, "report-1", IN_HOURS, List.of(
        new RagDigest.OpenContact("r-2", "MARF-2026-000002", Instant.parse("2026-03-02T08:00:00Z"),
            Instant.parse("2026-03-03T08:00:00Z"), "GREEN", "MASH"),
        new RagDigest.OpenContact("r-1", "MARF-2026-000001", Instant.parse("2026-03-01T11:00:00Z"),
            Instant.parse("2026-03-02T11:00:00Z"), "RED", "MASH")));
    assertThat(digest.alertsAt(IN_HOURS).get(0).summary().lines().toList()).containsExactly(
        "RAG report 2026-03-02T10:15:00Z: 2 open contacts, oldest first",
        "RED  MARF-2026-000001  received 2026-03-01T11:00:00Z  due by 2026-03-02T11:00:00Z",
        "GREEN  MARF-2026-000002  received 2026-03-02T08:00:00Z  due by 2026-03-03T08:00:00Z");
  }
}
