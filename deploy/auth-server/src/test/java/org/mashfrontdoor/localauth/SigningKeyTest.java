package org.mashfrontdoor.localauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

  @Test
  void makesTheKeyPairInTokenIssuersLayoutOnceThenReadsIt(@TempDir Path dir) throws Exception {
    RSAKey made = SigningKey.loadOrCreate(dir.resolve("issuer"));
    RSAKey readBack = SigningKey.loadOrCreate(dir.resolve("issuer"));

    assertThat(dir.resolve("issuer")).isDirectoryContaining("glob:**/private-key.pem")
        .isDirectoryContaining("glob:**/public-key.pem").isDirectoryContaining("glob:**/jwks.json")
        .isDirectoryContaining("glob:**/kid");
    assertThat(readBack.toRSAPrivateKey()).isEqualTo(made.toRSAPrivateKey());
    assertThat(made.getKeyID()).isEqualTo(Files.readString(dir.resolve("issuer/kid")).strip())
        .isEqualTo(made.computeThumbprint().toString());
    assertThat(Files.readString(dir.resolve("issuer/jwks.json"))).contains(made.getKeyID());
  }
}
