package org.mashfrontdoor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Secrets sealed at rest")
class SealedSecretsTest {

  static final String KEY = "a-test-key-for-secrets-at-rest-0123456789";
  final SealedSecrets secrets = new SealedSecrets(KEY);

  @Test
  void a_sealed_secret_opens_for_its_owner_and_does_not_show_the_secret() {
    String sealed = secrets.seal("5f4dcc3b5aa765d61d8327deb882cf99", "police-west");

    assertThat(sealed).startsWith("sealed:v1:").doesNotContain("5f4dcc3b5aa765d61d8327deb882cf99");
    assertThat(secrets.open(sealed, "police-west")).isEqualTo("5f4dcc3b5aa765d61d8327deb882cf99");
    assertThat(secrets.seal("5f4dcc3b5aa765d61d8327deb882cf99", "police-west"))
        .as("a fresh nonce each time").isNotEqualTo(sealed);
  }

  @Test
  void a_secret_copied_to_another_owner_under_another_key_or_altered_does_not_open() {
    String sealed = secrets.seal("s3cret", "police-west");
    byte[] raw = Base64.getDecoder().decode(sealed.substring("sealed:v1:".length()));
    raw[raw.length - 1] ^= 1;
    String altered = "sealed:v1:" + Base64.getEncoder().encodeToString(raw);

    assertThatThrownBy(() -> secrets.open(sealed, "school-north")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SealedSecrets(KEY + "-rotated").open(sealed, "police-west"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> secrets.open(altered, "police-west")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> secrets.open("s3cret", "police-west")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_short_key_is_refused() {
    assertThatThrownBy(() -> new SealedSecrets("too-short")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32");
  }
}
