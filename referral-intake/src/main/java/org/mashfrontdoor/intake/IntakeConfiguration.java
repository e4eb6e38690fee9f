package org.mashfrontdoor.intake;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import org.mashfrontdoor.intake.adapters.persistence.MongoIdempotencyKeys;
import org.mashfrontdoor.intake.adapters.persistence.MongoReferenceNumbers;
import org.mashfrontdoor.intake.adapters.messaging.ReferralReceivedV1;
import org.mashfrontdoor.intake.adapters.persistence.MongoReferrals;
import org.mashfrontdoor.intake.adapters.web.StrictJson;
import org.mashfrontdoor.intake.application.FollowingTriage;
import org.mashfrontdoor.intake.application.IdempotencyKeys;
import org.mashfrontdoor.intake.application.ReceivingReferral;
import org.mashfrontdoor.intake.application.Referrals;
import org.mashfrontdoor.intake.application.SteppingUp;
import org.mashfrontdoor.intake.application.ViewingReferral;
import org.mashfrontdoor.intake.domain.ChildKeys;
import org.mashfrontdoor.platform.deadlines.MashDecisionDeadline;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.mashfrontdoor.platform.security.KnownDefaultSecrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Wires the use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IntakeConfiguration {

  /** referral-intake.yml's default for INTAKE_CHILD_KEY_SECRET: fine locally, refused anywhere else. */
  static final String DEVELOPMENT_CHILD_KEY_SECRET = "local-development-child-key-secret";

  private static final Logger log = LoggerFactory.getLogger(IntakeConfiguration.class);

  @Bean
  Referrals referrals(OutboxRelay relay) {
    return new MongoReferrals(relay, ReferralReceivedV1::eventFor);
  }

  @Bean
  IdempotencyKeys idempotencyKeys(MongoDatabase database) {
    return new MongoIdempotencyKeys(database);
  }

  /** The MASH decision deadline is set here, once, at receipt; triage enforces it from the event. */
  @Bean
  ReceivingReferral receivingReferral(Referrals referrals, IdempotencyKeys idempotencyKeys, MongoDatabase database,
      Clock clock, @Value("${mash.decision-deadline.policy:ELAPSED}") String deadlinePolicy,
      @Value("${mash.decision-deadline.elapsed:PT24H}") Duration elapsedDeadline,
      @Value("${mash.intake.idempotency-key-retention:P8D}") Duration keyRetention,
      @Value("${mash.intake.child-key-secret}") String childKeySecret, Environment environment) {
    return new ReceivingReferral(referrals, new MongoReferenceNumbers(database), idempotencyKeys,
        new ChildKeys(KnownDefaultSecrets.refuseOutsideLocal(environment, "INTAKE_CHILD_KEY_SECRET", childKeySecret,
            DEVELOPMENT_CHILD_KEY_SECRET)), clock, MashDecisionDeadline.configured(deadlinePolicy, elapsedDeadline),
        keyRetention);
  }

  /** Intake's other request bodies (webhook registration) are read as strictly as the MARF. */
  @Bean
  JsonMapperBuilderCustomizer strictRequestBodies() {
    return StrictJson::configure;
  }

  @Bean
  ViewingReferral viewingReferral(Referrals referrals) {
    return new ViewingReferral(referrals);
  }

  @Bean
  FollowingTriage followingTriage(Referrals referrals, Clock clock) {
    return new FollowingTriage(referrals, clock);
  }

  @Bean
  SteppingUp steppingUp(Referrals referrals, ReceivingReferral receivingReferral) {
    return new SteppingUp(referrals, receivingReferral);
  }

  /** The TTL index does this on a real MongoDB; mongo-java-server has no TTL monitor. */
  @Bean
  KeyPurge keyPurge(IdempotencyKeys keys, Clock clock) {
    return new KeyPurge(keys, clock);
  }

  static class KeyPurge {
    private final IdempotencyKeys keys;
    private final Clock clock;

    KeyPurge(IdempotencyKeys keys, Clock clock) {
      this.keys = keys;
      this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${mash.intake.key-purge-interval:PT1H}", initialDelayString = "PT1M")
    void purge() {
      try {
        long purged = keys.purgeExpired(clock.instant());
        if (purged > 0) {
          log.info("Purged {} expired idempotency keys", purged);
        }
      } catch (RuntimeException e) {
        log.warn("Idempotency key purge failed ({}); will try again", e.getClass().getSimpleName());
      }
    }
  }
}
