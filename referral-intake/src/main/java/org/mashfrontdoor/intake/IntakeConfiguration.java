package org.mashfrontdoor.intake;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import org.mashfrontdoor.intake.adapters.persistence.MongoReferenceNumbers;
import org.mashfrontdoor.intake.adapters.persistence.MongoReferrals;
import org.mashfrontdoor.intake.application.FollowingTriage;
import org.mashfrontdoor.intake.application.ReceivingReferral;
import org.mashfrontdoor.intake.application.Referrals;
import org.mashfrontdoor.intake.application.ViewingReferral;
import org.mashfrontdoor.platform.outbox.OutboxRelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

  @Bean
  Referrals referrals(OutboxRelay relay) {
    return new MongoReferrals(relay);
  }

  @Bean
  ReceivingReferral receivingReferral(Referrals referrals, MongoDatabase database, Clock clock,
      @Value("${mash.intake.decision-deadline:PT24H}") Duration decisionDeadline) {
    return new ReceivingReferral(referrals, new MongoReferenceNumbers(database), clock, decisionDeadline);
  }

  @Bean
  ViewingReferral viewingReferral(Referrals referrals) {
    return new ViewingReferral(referrals);
  }

  @Bean
  FollowingTriage followingTriage(Referrals referrals) {
    return new FollowingTriage(referrals);
  }
}
