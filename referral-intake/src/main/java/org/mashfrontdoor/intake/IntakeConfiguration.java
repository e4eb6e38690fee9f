package org.mashfrontdoor.intake;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import org.mashfrontdoor.intake.adapters.persistence.MongoReferenceNumbers;
import org.mashfrontdoor.intake.adapters.messaging.ReferralReceivedV1;
import org.mashfrontdoor.intake.adapters.persistence.MongoReferrals;
import org.mashfrontdoor.intake.adapters.web.StrictJson;
import org.mashfrontdoor.intake.application.FollowingTriage;
import org.mashfrontdoor.intake.application.ReceivingReferral;
import org.mashfrontdoor.intake.application.Referrals;
import org.mashfrontdoor.intake.application.SteppingUp;
import org.mashfrontdoor.intake.application.ViewingReferral;
import org.mashfrontdoor.intake.domain.ChildKeys;
import org.mashfrontdoor.platform.deadlines.MashDecisionDeadline;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.mashfrontdoor.platform.security.KnownDefaultSecrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires the use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

  /** referral-intake.yml's default for INTAKE_CHILD_KEY_SECRET: fine locally, refused anywhere else. */
  static final String DEVELOPMENT_CHILD_KEY_SECRET = "local-development-child-key-secret";

  @Bean
  Referrals referrals(OutboxRelay relay) {
    return new MongoReferrals(relay, ReferralReceivedV1::eventFor);
  }

  /**
   * The MASH decision deadline is set here, once, at receipt; triage enforces it from the event. Idempotency keys are
   * kept at least 7 days (issue 3), by default with one more day of margin.
   */
  @Bean
  ReceivingReferral receivingReferral(Referrals referrals, MongoDatabase database,
      Clock clock, @Value("${mash.decision-deadline.policy:ELAPSED}") String deadlinePolicy,
      @Value("${mash.decision-deadline.elapsed:PT24H}") Duration elapsedDeadline,
      @Value("${mash.intake.idempotency-key-retention:P8D}") Duration keyRetention,
      @Value("${mash.intake.child-key-secret}") String childKeySecret, Environment environment) {
    return new ReceivingReferral(referrals, new MongoReferenceNumbers(database),
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
}
