package org.mashfrontdoor.platform.audit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An entry's place and hash, recorded outside the store (a ticket, a signed email, another system) from a
 * verification's {@code head}. Verifying with it later proves the chain still reaches that entry unchanged, which
 * the chain alone cannot: whoever may delete its last entries leaves a shorter chain that is still whole.
 */
public record ChainAnchor(long sequence, String hash) {

  private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

  public ChainAnchor {
    if (!isSequence(sequence)) {
      throw new IllegalArgumentException("an anchor's sequence is 1 or more");
    }
    if (!isHash(hash)) {
      throw new IllegalArgumentException("an anchor's hash is 64 lower-case hexadecimal digits");
    }
  }

  public static boolean isSequence(long sequence) {
    return sequence >= 1;
  }

  /** A SHA-256 hash as the chain writes it: 64 lower-case hexadecimal digits. */
  public static boolean isHash(String hash) {
    return SHA_256_HEX.matcher(Objects.requireNonNullElse(hash, "")).matches();
  }
}
