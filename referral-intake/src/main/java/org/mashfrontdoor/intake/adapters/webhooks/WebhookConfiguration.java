package org.mashfrontdoor.intake.adapters.webhooks;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.mashfrontdoor.intake.application.NotifyingPartners;
import org.mashfrontdoor.intake.application.PartnerEndpoints;
import org.mashfrontdoor.intake.application.Referrals;
import org.mashfrontdoor.intake.application.RegisteringWebhook;
import org.mashfrontdoor.intake.application.Webhooks;
import org.mashfrontdoor.intake.domain.DeliverySchedule;
import org.mashfrontdoor.platform.security.KnownDefaultSecrets;
import org.mashfrontdoor.platform.security.SealedSecrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires partner webhooks (docs/webhooks.md). Every setting has a production default here. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

  /** referral-intake.yml's default for INTAKE_WEBHOOK_SECRET_KEY: fine locally, refused anywhere else. */
  static final String DEVELOPMENT_WEBHOOK_SECRET_KEY = "local-development-webhook-secret-key-0123456789";

  @Bean
  Webhooks webhooks(MongoDatabase database, Environment environment,
      @Value("${mash.intake.webhook-secret-key}") String webhookSecretKey) {
    return new MongoWebhooks(database, new SealedSecrets(KnownDefaultSecrets.refuseOutsideLocal(environment,
        "INTAKE_WEBHOOK_SECRET_KEY", webhookSecretKey, DEVELOPMENT_WEBHOOK_SECRET_KEY)));
  }

  @Bean
  MongoWebhookDeliveries webhookDeliveries(MongoDatabase database,
      @Value("${mash.intake.webhooks.retention:P30D}") Duration retention) {
    return new MongoWebhookDeliveries(database, retention);
  }

  @Bean
  RegisteringWebhook registeringWebhook(Webhooks webhooks, Clock clock,
      @Value("${mash.intake.webhooks.allow-loopback-http:false}") boolean allowLoopbackHttp) {
    return new RegisteringWebhook(webhooks, new PublicAddressesOnly(allowLoopbackHttp), clock, allowLoopbackHttp);
  }

  @Bean
  PartnerEndpoints partnerEndpoints(Clock clock,
      @Value("${mash.intake.webhooks.connect-timeout:PT5S}") Duration connectTimeout,
      @Value("${mash.intake.webhooks.request-timeout:PT10S}") Duration requestTimeout,
      @Value("${mash.intake.webhooks.allow-loopback-http:false}") boolean allowLoopbackHttp) {
    return new HttpPartnerEndpoints(connectTimeout, requestTimeout, clock,
        new PublicAddressesOnly(allowLoopbackHttp));
  }

  @Bean
  NotifyingPartners notifyingPartners(Referrals referrals, Webhooks webhooks, MongoWebhookDeliveries deliveries,
      PartnerEndpoints endpoints, Clock clock, MeterRegistry meters,
      @Value("${mash.intake.webhooks.settle:PT5S}") Duration settle,
      @Value("${mash.intake.webhooks.connect-timeout:PT5S}") Duration connectTimeout,
      @Value("${mash.intake.webhooks.request-timeout:PT10S}") Duration requestTimeout,
      @Value("${mash.intake.webhooks.first-retry:PT10S}") Duration firstRetry,
      @Value("${mash.intake.webhooks.longest-wait:PT1H}") Duration longestWait,
      @Value("${mash.intake.webhooks.give-up-after:PT24H}") Duration giveUpAfter) {
    // A claim outlives the longest attempt, so no two instances POST the same delivery at once.
    Duration lease = connectTimeout.plus(requestTimeout).plusSeconds(5);
    return new NotifyingPartners(referrals, webhooks, new MeteredWebhookDeliveries(deliveries, meters), endpoints, clock, settle, lease,
        new DeliverySchedule(firstRetry, longestWait, giveUpAfter));
  }

  @Bean
  WebhookDispatcher webhookDispatcher(NotifyingPartners notifying, MongoWebhookDeliveries deliveries, Clock clock,
      @Value("${mash.intake.webhooks.poll-interval:PT1S}") Duration pollInterval,
      @Value("${mash.intake.webhooks.page-size:100}") int pageSize,
      @Value("${mash.intake.webhooks.max-in-flight:32}") int maxInFlight) {
    return new WebhookDispatcher(notifying, deliveries, clock, pollInterval, pageSize, maxInFlight);
  }
}
