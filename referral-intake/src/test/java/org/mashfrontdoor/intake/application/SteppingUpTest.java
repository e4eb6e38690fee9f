package org.mashfrontdoor.intake.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.intake.adapters.persistence.MongoIdempotencyKeys;
import org.mashfrontdoor.intake.adapters.persistence.MongoReferenceNumbers;
import org.mashfrontdoor.intake.adapters.persistence.MongoReferrals;
import org.mashfrontdoor.intake.domain.Agency;
import org.mashfrontdoor.intake.domain.ChildKeys;
import org.mashfrontdoor.intake.domain.Referral;
import org.mashfrontdoor.intake.domain.ReferralStatus;
import org.mashfrontdoor.intake.domain.ReferralType;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.mashfrontdoor.platform.testsupport.MutableClock;

/** A step-up received against the real (in-JVM) store, through the same path as a partner's MARF. */
@DisplayName("Stepping a family up: the step-up becomes a new referral, once")
class SteppingUpTest {

  static MongoServer server;
  static MongoClient client;

  MongoDatabase database;
  MutableClock clock;
  Referrals referrals;
  ReceivingReferral receiving;
  SteppingUp steppingUp;

  @BeforeAll
  static void store() {
    server = new MongoServer(new MemoryBackend());
    client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
  }

  @AfterAll
  static void closeStore() {
    client.close();
    server.shutdownNow();
  }

  @BeforeEach
  void fresh() {
    database = client.getDatabase("intake_" + UUID.randomUUID().toString().replace("-", ""));
    clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    referrals = new MongoReferrals(new OutboxRelay(database, clock, 100));
    receiving = new ReceivingReferral(referrals, new MongoReferenceNumbers(database),
        new MongoIdempotencyKeys(database), new ChildKeys("a-test-secret-of-some-length"), clock,
        Duration.ofHours(24), Duration.ofDays(8));
    steppingUp = new SteppingUp(referrals, receiving);
  }

  Referral earlier() {
    return receiving.receive(ReceivingReferralTest.SCHOOL, UUID.randomUUID().toString(), "body",
        ReceivingReferralTest.form(ReceivingReferralTest.AVA)).referral();
  }

  @Test
  void the_new_referral_is_a_marf_from_early_help_under_the_given_id_linked_to_the_earlier_one() {
    Referral earlier = earlier();
    clock.advance(Duration.ofDays(3));

    Referral stepUp = steppingUp.steppedUp("case-1", earlier.referralId(), "new-referral-1", "Worries grew.");

    assertThat(stepUp.referralId()).isEqualTo("new-referral-1");
    assertThat(stepUp.partnerId()).isEqualTo(SteppingUp.EARLY_HELP.id());
    assertThat(stepUp.referrer().agency()).isEqualTo(Agency.EARLY_HELP);
    assertThat(stepUp.referrer().organisation()).isEqualTo("Early help (step-up)");
    assertThat(stepUp.referralType()).isEqualTo(ReferralType.MARF);
    assertThat(stepUp.concern().summary()).isEqualTo("Worries grew.");
    assertThat(stepUp.concern().immediateRisk()).isFalse();
    assertThat(stepUp.children()).isEqualTo(earlier.children());
    assertThat(stepUp.form().consent()).isEqualTo(earlier.form().consent());
    assertThat(stepUp.reference()).matches("MARF-2026-\\d{6}").isNotEqualTo(earlier.reference());
    assertThat(stepUp.links().reReferral()).isTrue();
    assertThat(stepUp.links().linkedReferralIds()).containsExactly(earlier.referralId());
    assertThat(stepUp.status()).isEqualTo(ReferralStatus.RECEIVED);
    assertThat(stepUp.receivedAt()).isEqualTo(clock.instant());
    assertThat(stepUp.decisionDueBy()).isAfter(stepUp.receivedAt());
    assertThat(referrals.byId("new-referral-1")).hasValue(stepUp);
  }

  @Test
  void a_redelivered_step_up_finds_the_referral_and_creates_nothing() {
    Referral earlier = earlier();
    Referral first = steppingUp.steppedUp("case-1", earlier.referralId(), "new-referral-1", "Worries grew.");
    clock.advance(Duration.ofMinutes(5));

    Referral again = steppingUp.steppedUp("case-1", earlier.referralId(), "new-referral-1", "Worries grew.");

    assertThat(again).isEqualTo(first);
    assertThat(database.getCollection("referrals").countDocuments()).isEqualTo(2);
  }

  @Test
  void a_step_up_of_a_referral_this_intake_does_not_hold_is_refused_naming_it() {
    assertThatThrownBy(() -> steppingUp.steppedUp("case-1", "unknown-referral", "new-referral-1", "Worries grew."))
        .isInstanceOf(ReferralNotHeld.class).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("case-1").hasMessageContaining("unknown-referral");
    assertThat(database.getCollection("referrals").countDocuments()).isZero();
  }

  @Test
  void a_case_stepped_up_again_as_another_referral_is_refused() {
    Referral earlier = earlier();
    steppingUp.steppedUp("case-1", earlier.referralId(), "new-referral-1", "Worries grew.");

    assertThatThrownBy(() -> steppingUp.steppedUp("case-1", earlier.referralId(), "new-referral-2", "Again."))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("case-1");
    assertThat(referrals.byId("new-referral-2")).isEmpty();
  }
}
