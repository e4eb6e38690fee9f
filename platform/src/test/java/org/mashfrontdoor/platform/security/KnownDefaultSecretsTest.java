package org.mashfrontdoor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class KnownDefaultSecretsTest {

  @Test
  void the_published_default_is_refused_unless_the_profile_is_local() {
    assertThatThrownBy(() -> KnownDefaultSecrets.refuseOutsideLocal(new MockEnvironment(), "A_SECRET", "dev", "dev"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("A_SECRET");
    assertThatThrownBy(() -> KnownDefaultSecrets.refuseOutsideLocal(
        new MockEnvironment().withProperty("mash.profile", "prod"), "A_SECRET", "dev", "dev"))
        .hasMessageContaining("A_SECRET");
    assertThat(KnownDefaultSecrets.refuseOutsideLocal(
        new MockEnvironment().withProperty("mash.profile", "local"), "A_SECRET", "dev", "dev")).isEqualTo("dev");
    assertThat(KnownDefaultSecrets.refuseOutsideLocal(new MockEnvironment(), "A_SECRET", "real", "dev"))
        .isEqualTo("real");
  }
}
