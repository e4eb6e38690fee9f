package org.mashfrontdoor.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets a service must keep to use later (a partner's webhook signing secret) sealed at rest with AES-256-GCM,
 * so a copy of the database, a backup or a debug dump does not hand them out. The key comes from a configured
 * passphrase (SHA-256 of it) kept outside the store. Each sealed value is bound to its owner ({@code context},
 * e.g. the partner id, as GCM's associated data): a sealed secret copied onto another partner's document does not
 * open. Stored form: {@value #PREFIX} + base64(12-byte nonce, ciphertext and tag).
 */
public final class SealedSecrets {

  static final String PREFIX = "sealed:v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int MIN_PASSPHRASE = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  public SealedSecrets(String passphrase) {
    if (passphrase == null || passphrase.length() < MIN_PASSPHRASE) {
      throw new IllegalArgumentException("the key for secrets at rest must have at least " + MIN_PASSPHRASE
          + " characters");
    }
    try {
      key = new SecretKeySpec(MessageDigest.getInstance("SHA-256")
          .digest(passphrase.getBytes(StandardCharsets.UTF_8)), "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  public String seal(String secret, String context) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      byte[] stored = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
      return PREFIX + Base64.getEncoder().encodeToString(stored);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /** The secret {@link #seal} sealed for {@code context}; refuses one altered, sealed under another key or for another owner. */
  public String open(String sealed, String context) {
    if (!isSealed(sealed)) {
      throw new IllegalArgumentException("not a sealed secret");
    }
    byte[] stored = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
    if (stored.length <= NONCE_BYTES) {
      throw new IllegalArgumentException("not a sealed secret");
    }
    byte[] nonce = new byte[NONCE_BYTES];
    System.arraycopy(stored, 0, nonce, 0, NONCE_BYTES);
    try {
      byte[] secret = cipher(Cipher.DECRYPT_MODE, nonce, context)
          .doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
      return new String(secret, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      // Never say more: the reason (tag mismatch) is the same for tampering, a wrong key and a wrong owner.
      throw new IllegalArgumentException("the sealed secret does not open with this key for this owner");
    }
  }

  public static boolean isSealed(String value) {
    return value != null && value.startsWith(PREFIX);
  }

  private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
