package org.mashfrontdoor.localauth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development issuer's RSA key pair, in the folder and format {@code deploy/local/TokenIssuer.java} uses
 * (private-key.pem PKCS#8, public-key.pem, jwks.json, kid): the services trust public-key.pem, so tokens from
 * this provider and from {@code deploy/local/token} both verify there. Made here, the same way, when missing.
 */
public final class SigningKey {

  private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

  private SigningKey() {
  }

  public static RSAKey loadOrCreate(Path dir) {
    try {
      if (!Files.exists(dir.resolve("private-key.pem"))) {
        create(dir);
      }
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(
          new PKCS8EncodedKeySpec(pem(Files.readString(dir.resolve("private-key.pem")))));
      RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
          new X509EncodedKeySpec(pem(Files.readString(dir.resolve("public-key.pem")))));
      return new RSAKey.Builder(publicKey).privateKey(privateKey)
          .keyID(Files.readString(dir.resolve("kid")).strip())
          .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the signing key in " + dir.toAbsolutePath(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The signing key in " + dir.toAbsolutePath() + " is not an RSA key pair", e);
    }
  }

  /**
   * As TokenIssuer's {@code keys}, which a single-file JDK-only script cannot share with us, so keep the two in step:
   * the kid is the RFC 7638 thumbprint, the private key is written last.
   */
  private static void create(Path dir) throws IOException, GeneralSecurityException {
    Files.createDirectories(dir);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var pair = generator.generateKeyPair();
    RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
    String n = b64(unsigned(publicKey.getModulus()));
    String e = b64(unsigned(publicKey.getPublicExponent()));
    String kid = b64(MessageDigest.getInstance("SHA-256").digest(
        ("{\"e\":\"" + e + "\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}").getBytes(StandardCharsets.UTF_8)));
    Files.writeString(dir.resolve("public-key.pem"), pem("PUBLIC KEY", publicKey.getEncoded()));
    Files.writeString(dir.resolve("jwks.json"), "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\""
        + kid + "\",\"n\":\"" + n + "\",\"e\":\"" + e + "\"}]}\n");
    Files.writeString(dir.resolve("kid"), kid + "\n");
    Path tmp = dir.resolve("private-key.pem.tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(tmp);
    }
    Files.writeString(tmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    try {
      Files.move(tmp, dir.resolve("private-key.pem"));
    } catch (FileAlreadyExistsException madeMeanwhile) {
      // Another process made one at the same moment: the first one in stands (up makes the keys before starting us).
      Files.deleteIfExists(tmp);
      return;
    }
    log.info("New RS256 key pair in {} (kid {})", dir.toAbsolutePath(), kid);
  }

  private static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static byte[] pem(String text) {
    return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
  }
}
