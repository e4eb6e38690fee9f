package org.mashfrontdoor.notification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.notification.adapters.metrics.MicrometerNotificationMetrics;
import org.mashfrontdoor.notification.adapters.persistence.MongoAlerts;
import org.mashfrontdoor.notification.adapters.persistence.MongoOpenContacts;
import org.mashfrontdoor.notification.application.FollowingTheFrontDoor.ContactOpened;
import org.mashfrontdoor.notification.application.FollowingTheFrontDoor.DeadlineNear;
import org.mashfrontdoor.notification.application.FollowingTheFrontDoor.Decided;
import org.mashfrontdoor.notification.application.FollowingTheFrontDoor.Heard;
import org.mashfrontdoor.notification.application.FollowingTheFrontDoor.RagReportDue;
import org.mashfrontdoor.notification.domain.Alert;
import org.mashfrontdoor.notification.domain.AlertType;
import org.mashfrontdoor.notification.domain.AlertsTest;
import org.mashfrontdoor.notification.domain.DecisionDeadline;
import org.mashfrontdoor.notification.domain.RagDigest;
import org.mashfrontdoor.notification.domain.RecordedDecision;
import org.mashfrontdoor.notification.domain.UrgentContact;
import org.mashfrontdoor.platform.codes.MashOutcome;
import org.mashfrontdoor.platform.testsupport.MutableClock;
import org.mashfrontdoor.platform.testsupport.TestStore;

/**
 * A poll of triage's events, followed together against the real (in-JVM) store: the view and the alerts end as if
 * the events came one at a time, and a redelivered poll raises nothing twice.
 * {@link FollowingTheFrontDoorOnRealMongoIT} runs the same scenarios on a real MongoDB.
 */
@DisplayName("Following a poll of triage's events: the open contacts and the alerts as if one event at a time")
class FollowingTheFrontDoorIT {

  // Monday 2 March 2026, office hours in London.
  static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");
  static final Instant DUE = NOW.plus(Duration.ofHours(24));

  TestStore store;
  MongoAlerts alerts;
  OpenContacts openContacts;
  FollowingTheFrontDoor following;
  MutableClock clock;
  final List<Alert> announced = new ArrayList<>();

  /** The embedded stand-in; the twin overrides this. */
  TestStore openStore() {
    return TestStore.embedded();
  }

  @BeforeEach
  void service() {
    store = openStore();
    var database = store.database("notification");
    clock = MutableClock.steppingBy(NOW, Duration.ofMillis(1));
    alerts = new MongoAlerts(database, clock);
    openContacts = new MongoOpenContacts(database);
    following = new FollowingTheFrontDoor(new RaisingAlerts(alerts, AlertsTest.ROUTING, clock,
        new MicrometerNotificationMetrics(new SimpleMeterRegistry()), announced::add), openContacts);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  static String id() {
    return UUID.randomUUID().toString();
  }

  static ContactOpened opened(String referralId, boolean urgent) {
    return new ContactOpened(new UrgentContact(id(), referralId, "MARF-" + referralId, urgent,
        urgent ? List.of("IMMEDIATE_RISK") : List.of()), NOW, DUE, "GREEN", "MASH");
  }

  static Decided decided(String referralId) {
    return new Decided(new RecordedDecision(id(), referralId, "MARF-" + referralId, MashOutcome.EARLY_HELP));
  }

  static DeadlineNear breached(String referralId) {
    return new DeadlineNear(new DecisionDeadline(id(), referralId, "MARF-" + referralId, DUE, "RED", true));
  }

  List<AlertType> stored() {
    return alerts.after(Alerts.positionAt(NOW), 100).stream().map(p -> p.alert().type()).toList();
  }

  @Test
  void a_poll_ends_as_if_one_event_at_a_time_and_its_rag_report_sees_the_events_before_it() {
    following.followAll(List.of(opened("a", true), opened("b", false), decided("a"),
        new RagReportDue(id(), "report-1", NOW), opened("c", false)));

    assertThat(openContacts.all()).extracting(RagDigest.OpenContact::referralId).containsExactlyInAnyOrder("b", "c");
    assertThat(stored()).as("in the order of their events")
        .containsExactly(AlertType.URGENT_CONTACT, AlertType.DECISION_RECORDED, AlertType.RAG_DIGEST);
    Alert digest = alerts.after(Alerts.positionAt(NOW), 100).getLast().alert();
    assertThat(digest.summary()).contains("1 open contact,", "MARF-b").doesNotContain("MARF-a", "MARF-c");
    assertThat(announced).extracting(Alert::type)
        .containsExactly(AlertType.URGENT_CONTACT, AlertType.DECISION_RECORDED, AlertType.RAG_DIGEST);
  }

  @Test
  void a_poll_handled_again_after_a_fault_keeps_the_digest_of_the_view_at_its_report() {
    following.followAll(List.of(opened("y", false)));
    boolean[] failed = {false};
    Alerts failingOnceOnADecision = (Alerts) Proxy.newProxyInstance(Alerts.class.getClassLoader(),
        new Class<?>[] {Alerts.class}, (proxy, method, args) -> {
          if (method.getName().equals("addAll") && !failed[0] && ((List<?>) args[0]).stream()
              .anyMatch(a -> ((Alert) a).type() == AlertType.DECISION_RECORDED)) {
            failed[0] = true;
            throw new IllegalStateException("store away");
          }
          try {
            return method.invoke(alerts, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    FollowingTheFrontDoor meetingAFault = new FollowingTheFrontDoor(new RaisingAlerts(failingOnceOnADecision,
        AlertsTest.ROUTING, clock, new MicrometerNotificationMetrics(new SimpleMeterRegistry()), announced::add),
        openContacts);
    List<Heard> poll = List.of(new RagReportDue(id(), "report-1", NOW), decided("y"));

    assertThatThrownBy(() -> meetingAFault.followAll(poll)).hasMessage("store away");
    meetingAFault.followAll(poll);

    assertThat(stored()).containsExactly(AlertType.RAG_DIGEST, AlertType.DECISION_RECORDED);
    assertThat(alerts.after(Alerts.positionAt(NOW), 100).getFirst().alert().summary()).as("y was open at the report")
        .contains("1 open contact,", "MARF-y");
    assertThat(openContacts.all()).isEmpty();
  }

  @Test
  void the_urgent_alerts_of_a_poll_are_on_the_escalation_sheet() {
    // The sheet's first read sweeps the alerts for any not filed; this one leaves the next to the sheet alone.
    assertThat(alerts.dueEscalations(NOW, 10)).isEmpty();

    following.followAll(List.of(opened("a", true), opened("b", true)));

    assertThat(alerts.dueEscalations(NOW.plus(Duration.ofHours(1)), 10)).extracting(Alert::referralId)
        .containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void a_redelivered_poll_raises_nothing_twice_and_leaves_the_view_as_it_was() {
    List<Heard> poll = List.of(opened("a", true), breached("a"), opened("b", false), decided("b"));
    following.followAll(poll);
    List<RagDigest.OpenContact> view = openContacts.all();
    announced.clear();

    following.followAll(poll);

    assertThat(stored()).containsExactly(AlertType.URGENT_CONTACT, AlertType.DEADLINE_BREACHED,
        AlertType.DECISION_RECORDED);
    assertThat(announced).isEmpty();
    assertThat(openContacts.all()).isEqualTo(view).singleElement()
        .extracting(RagDigest.OpenContact::rag).isEqualTo("BREACHED");
  }

  @Test
  void an_event_twice_in_one_poll_raises_its_alert_once() {
    ContactOpened urgent = opened("a", true);

    following.followAll(List.of(urgent, opened("b", true), urgent));

    assertThat(stored()).containsExactly(AlertType.URGENT_CONTACT, AlertType.URGENT_CONTACT);
    assertThat(announced).hasSize(2);
  }

  @Test
  void a_deadline_for_a_contact_not_open_here_changes_no_view() {
    following.followAll(List.of(breached("gone")));

    assertThat(openContacts.all()).isEmpty();
    assertThat(stored()).containsExactly(AlertType.DEADLINE_BREACHED);
  }
}
