package org.mashfrontdoor.intake.adapters.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The webhook settings keep the names and defaults they had as {@code @Value}s (docs/webhooks.md's table). */
class WebhookPropertiesTest {

  static WebhookProperties bind(ConfigurationPropertySource source) {
    return new Binder(source).bindOrCreate("mash.intake.webhooks", WebhookProperties.class);
  }

  @Test
  void unset_settings_take_the_production_defaults() {
    WebhookProperties settings = bind(new MapConfigurationPropertySource());

    assertThat(settings).isEqualTo(new WebhookProperties(false, Duration.ofSeconds(1), 100, 32, Duration.ofSeconds(5),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofHours(1),
        Duration.ofHours(24), Duration.ofDays(30)));
    assertThat(settings.lease()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void each_setting_is_read_by_its_documented_name() {
    WebhookProperties settings = bind(new MapConfigurationPropertySource(Map.ofEntries(
        Map.entry("mash.intake.webhooks.allow-loopback-http", "true"),
        Map.entry("mash.intake.webhooks.poll-interval", "PT0.1S"),
        Map.entry("mash.intake.webhooks.page-size", "7"),
        Map.entry("mash.intake.webhooks.max-in-flight", "3"),
        Map.entry("mash.intake.webhooks.settle", "PT0.2S"),
        Map.entry("mash.intake.webhooks.connect-timeout", "PT1S"),
        Map.entry("mash.intake.webhooks.request-timeout", "PT2S"),
        Map.entry("mash.intake.webhooks.first-retry", "PT3S"),
        Map.entry("mash.intake.webhooks.longest-wait", "PT4S"),
        Map.entry("mash.intake.webhooks.give-up-after", "PT5S"),
        Map.entry("mash.intake.webhooks.retention", "P2D"))));

    assertThat(settings).isEqualTo(new WebhookProperties(true, Duration.ofMillis(100), 7, 3, Duration.ofMillis(200),
        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4),
        Duration.ofSeconds(5), Duration.ofDays(2)));
  }

  /** An @Value read MASH_INTAKE_WEBHOOKS_MAX_IN_FLIGHT; the bound record must too. */
  @Test
  void the_environment_variable_forms_still_apply() {
    SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
            "MASH_INTAKE_WEBHOOKS_MAX_IN_FLIGHT", "5", "MASH_INTAKE_WEBHOOKS_ALLOW_LOOPBACK_HTTP", "true"));

    WebhookProperties settings = bind(ConfigurationPropertySource.from(environment));

    assertThat(settings.maxInFlight()).isEqualTo(5);
    assertThat(settings.allowLoopbackHttp()).isTrue();
  }
}
