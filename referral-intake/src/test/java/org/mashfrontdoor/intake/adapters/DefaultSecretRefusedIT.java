package org.mashfrontdoor.intake.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.intake.ReferralIntakeApplication;
import org.mashfrontdoor.platform.testsupport.EmbeddedInfrastructure;
import org.mashfrontdoor.platform.testsupport.TestTokens;
import org.springframework.context.ConfigurableApplicationContext;

@DisplayName("referral-intake refuses to start outside the local stack with a published secret (child key, webhook key)")
class DefaultSecretRefusedIT {

  static List<String> arguments(String... more) {
    EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.get();
    List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
        "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
        "--spring.mongodb.uri=" + infrastructure.mongoUri(),
        "--spring.mongodb.database=" + infrastructure.freshDatabaseName("default-secret"),
        "--spring.kafka.consumer.group-id=default-secret-" + UUID.randomUUID(), "--spring.jmx.enabled=false",
        TestTokens.publicKeyLocationArgument(), TestTokens.issuerArgument()));
    arguments.addAll(List.of(more));
    return arguments;
  }

  @Test
  void the_default_child_key_secret_stops_start_up_naming_the_variable() {
    assertThatThrownBy(() -> ReferralIntakeApplication.application().run(arguments().toArray(String[]::new)))
        .rootCause().hasMessageContaining("INTAKE_CHILD_KEY_SECRET").hasMessageContaining("MASH_PROFILE");
    assertThatThrownBy(() -> ReferralIntakeApplication.application()
        .run(arguments("--mash.profile=production").toArray(String[]::new)))
        .rootCause().hasMessageContaining("INTAKE_CHILD_KEY_SECRET");
  }

  @Test
  void the_default_webhook_secret_key_stops_start_up_naming_the_variable() {
    assertThatThrownBy(() -> ReferralIntakeApplication.application()
        .run(arguments("--mash.intake.child-key-secret=" + UUID.randomUUID()).toArray(String[]::new)))
        .rootCause().hasMessageContaining("INTAKE_WEBHOOK_SECRET_KEY");
  }

  @Test
  void real_secrets_start() {
    try (ConfigurableApplicationContext intake = ReferralIntakeApplication.application().run(
        arguments("--mash.intake.child-key-secret=" + UUID.randomUUID(),
            "--mash.intake.webhook-secret-key=" + UUID.randomUUID() + UUID.randomUUID()).toArray(String[]::new))) {
      assertThat(intake.isRunning()).isTrue();
    }
  }
}
