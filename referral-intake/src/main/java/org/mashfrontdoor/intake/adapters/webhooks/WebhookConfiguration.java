package org.mashfrontdoor.intake.adapters.webhooks;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.mashfrontdoor.intake.application.NotifyingPartners;
import org.mashfrontdoor.intake.application.PartnerEndpoints;
import org.mashfrontdoor.intake.application.Referrals;
import org.mashfrontdoor.intake.application.RegisteringWebhook;
import org.mashfrontdoor.intake.application.Webhooks;
import org.mashfrontdoor.intake.domain.DeliverySchedule;
import org.mashfrontdoor.platform.security.KnownDefaultSecrets;
import org.mashfrontdoor.platform.security.SealedSecrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Wires partner webhooks (docs/webhooks.md); their settings and defaults are {@link WebhookProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
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
  MongoWebhookDeliveries webhookDeliveries(MongoDatabase database, WebhookProperties settings) {
    return new MongoWebhookDeliveries(database, settings.retention());
  }

  @Bean
  RegisteringWebhook registeringWebhook(Webhooks webhooks, Clock clock, WebhookProperties settings) {
    return new RegisteringWebhook(webhooks, new PublicAddressesOnly(settings.allowLoopbackHttp()), clock,
        settings.allowLoopbackHttp());
  }

  @Bean
  PartnerEndpoints partnerEndpoints(Clock clock, WebhookProperties settings) {
    return new HttpPartnerEndpoints(settings.connectTimeout(), settings.requestTimeout(), clock,
        new PublicAddressesOnly(settings.allowLoopbackHttp()));
  }

  @Bean
  NotifyingPartners notifyingPartners(Referrals referrals, Webhooks webhooks, MongoWebhookDeliveries deliveries,
      PartnerEndpoints endpoints, Clock clock, MeterRegistry meters, WebhookProperties settings) {
    return new NotifyingPartners(referrals, webhooks, new MeteredWebhookDeliveries(deliveries, meters), endpoints,
        clock, settings.settle(), settings.lease(),
        new DeliverySchedule(settings.firstRetry(), settings.longestWait(), settings.giveUpAfter()));
  }

  @Bean
  WebhookDispatcher webhookDispatcher(NotifyingPartners notifying, MongoWebhookDeliveries deliveries, Clock clock,
      WebhookProperties settings) {
    return new WebhookDispatcher(notifying, deliveries, clock, settings.pollInterval(), settings.pageSize(),
        settings.maxInFlight());
  }
}
