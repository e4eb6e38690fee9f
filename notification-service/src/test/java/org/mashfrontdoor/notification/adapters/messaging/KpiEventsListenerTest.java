package org.mashfrontdoor.notification.adapters.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.notification.application.KpiFacts;
import org.mashfrontdoor.notification.application.ProjectingKpis;
import org.mashfrontdoor.notification.domain.kpi.CountedContact;
import org.mashfrontdoor.notification.domain.kpi.PathwayMilestone;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;

/**
 * The KPI projection writes a batch's facts at once, skips (never throws) what it cannot use, including a fact the
 * store refuses for good, and waits out a fault without counting the batch's skips again on every try. KpisIT runs it
 * whole against the broker and the store.
 */
@DisplayName("The KPI projection, a batch at a time")
class KpiEventsListenerTest {

  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final List<List<String>> written = new ArrayList<>();

  static String opened(String referralId) {
    return EventJson.write(EventEnvelope.create("/mash/triage-service", ContactOpenedData.TYPE, referralId,
        Instant.parse("2026-03-02T09:00:00Z"), Map.of("referralId", referralId, "urgent", false,
            "receivedAt", "2026-03-02T09:00:00Z", "decisionDueBy", "2026-03-03T09:00:00Z")));
  }

  static String notCounted(String referralId) {
    return EventJson.write(EventEnvelope.create("/mash/triage-service", "triage.referral-joined.v1", referralId,
        Instant.parse("2026-03-02T09:00:00Z"), Map.of("referralId", referralId)));
  }

  /** A store that records each write's contacts; {@code fails} says which writes throw what. */
  KpiEventsListener listener(Function<List<String>, RuntimeException> fails) {
    KpiFacts facts = new KpiFacts() {
      @Override
      public void recordAll(List<Fact> batch) {
        List<String> contacts = batch.stream().map(f -> ((Opened) f).contactId()).toList();
        written.add(contacts);
        RuntimeException failure = fails.apply(contacts);
        if (failure != null) {
          throw failure;
        }
      }

      @Override
      public List<CountedContact> contactsReceived(YearMonth first, YearMonth last) {
        return List.of();
      }

      @Override
      public List<PathwayMilestone> milestonesReached(YearMonth first, YearMonth last) {
        return List.of();
      }

      @Override
      public void clear() {
      }
    };
    return new KpiEventsListener(new ProjectingKpis(facts), meters);
  }

  double skipped() {
    return meters.counter("mash.kpi.events.skipped").count();
  }

  @Test
  void a_batch_is_written_at_once_and_what_it_cannot_use_is_skipped_and_counted() {
    listener(batch -> null).on(List.of(opened("a"), "{not an event", notCounted("b"), opened("c")));

    assertThat(written).containsExactly(List.of("a", "c"));
    assertThat(skipped()).isEqualTo(1);
  }

  @Test
  void a_fact_the_store_refuses_for_good_is_skipped_and_the_others_are_written() {
    listener(batch -> batch.contains("bad") ? new IllegalArgumentException("out of range") : null)
        .on(List.of(opened("a"), opened("bad"), opened("c")));

    assertThat(written).containsExactly(List.of("a", "bad", "c"), List.of("a"), List.of("bad"), List.of("c"));
    assertThat(skipped()).isEqualTo(1);
  }

  @Test
  void a_fault_is_thrown_to_be_waited_out_and_the_batch_skips_are_counted_once_it_is_written() {
    IllegalStateException storeAway = new IllegalStateException("store away");
    KpiEventsListener faulty = listener(batch -> written.size() == 1 ? storeAway : null);
    List<String> batch = List.of(opened("a"), "{not an event");

    assertThatThrownBy(() -> faulty.on(batch)).isSameAs(storeAway);
    assertThat(skipped()).as("not counted while the batch is waited out").isZero();

    faulty.on(batch);
    assertThat(skipped()).isEqualTo(1);
  }
}
