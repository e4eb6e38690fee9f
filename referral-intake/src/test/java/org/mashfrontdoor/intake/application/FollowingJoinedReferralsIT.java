package org.mashfrontdoor.intake.application;

import org.mashfrontdoor.platform.codes.MashOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.codes.Agency;
import org.mashfrontdoor.intake.domain.Partner;
import org.mashfrontdoor.intake.domain.ReferralStatus;
import org.mashfrontdoor.platform.events.EventEnvelope;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.events.Topics;
import org.mashfrontdoor.platform.testsupport.TestKafka;
import org.mashfrontdoor.platform.testsupport.WithEmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@WithEmbeddedInfrastructure
@SpringBootTest(properties = "spring.config.name=referral-intake")
@DisplayName("A referral that joined another's MASH contact is followed like the first")
class FollowingJoinedReferralsIT {

  static KafkaProducer<String, String> triage;

  @Autowired
  ReceivingReferral receiving;

  @Autowired
  Referrals referrals;

  @BeforeAll
  static void producer() {
    triage = TestKafka.producer();
  }

  @AfterAll
  static void close() {
    triage.close();
  }

  String received(Agency agency) {
    Partner partner = new Partner(agency.name().toLowerCase(), agency, agency.name());
    return receiving.receive(partner, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
        ReceivingReferralIT.form(ReceivingReferralIT.AVA)).referral().referralId();
  }

  void send(String type, String contactId, Object data) {
    EventEnvelope event = EventEnvelope.create("/mash/triage-service", type, contactId, Instant.now(), data);
    triage.send(new ProducerRecord<>(Topics.TRIAGE_EVENTS, contactId, EventJson.write(event)));
    triage.flush();
  }

  ReferralStatus status(String referralId) {
    return referrals.byId(referralId).orElseThrow().status();
  }

  @Test
  void the_joined_referral_goes_into_triage_and_hears_the_contacts_decision() {
    String first = received(Agency.SCHOOL);
    String joined = received(Agency.POLICE);

    send("triage.contact-opened.v1", first, Map.of("contactId", first, "referralId", first));
    send("triage.referral-joined.v1", first, Map.of("contactId", first, "referralId", joined,
        "referralIds", List.of(first, joined)));
    await().atMost(Duration.ofSeconds(30)).until(() -> status(joined) == ReferralStatus.IN_TRIAGE);

    send("triage.decision-recorded.v1", first, Map.of("contactId", first, "referralId", first,
        "referralIds", List.of(first, joined), "outcome", "EARLY_HELP", "levelOfNeed", 2,
        "decidedAt", "2026-11-23T10:00:00Z"));
    await().atMost(Duration.ofSeconds(30)).until(() ->
        status(first) == ReferralStatus.DECIDED && status(joined) == ReferralStatus.DECIDED);
    assertThat(referrals.byId(joined).orElseThrow().outcome()).isEqualTo(MashOutcome.EARLY_HELP);
  }
}
