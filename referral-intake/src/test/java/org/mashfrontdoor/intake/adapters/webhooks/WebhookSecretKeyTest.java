package org.mashfrontdoor.intake.adapters.webhooks;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

@DisplayName("The key that seals webhook secrets at rest")
class WebhookSecretKeyTest {

  @Test
  void the_published_development_key_stops_start_up_outside_the_local_profile() {
    MockEnvironment production = new MockEnvironment();

    assertThatThrownBy(() -> new WebhookConfiguration().webhooks(null, production,
        WebhookConfiguration.DEVELOPMENT_WEBHOOK_SECRET_KEY))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("INTAKE_WEBHOOK_SECRET_KEY");
  }
}
