package org.mashfrontdoor.platform.audit;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.mashfrontdoor.platform.audit.ChainVerification.Break;

/**
 * The hash chain of an audit ledger, in plain Java so that any store can keep one. Each entry's hash is SHA-256
 * over a canonical encoding of its sequence number, the previous entry's hash, its subject and its fields; the
 * first entry's previous hash is {@link #GENESIS_HASH}. Changing, removing, swapping or inserting an entry inside
 * the chain therefore shows where it was done ({@link #verify}); cutting entries off the end does not, unless an
 * earlier head was recorded elsewhere ({@link ChainAnchor}).
 *
 * <p>The encoding (version {@value #FORMAT}), so that an independent tool can re-compute a hash: every text is its
 * UTF-8 byte count as a 4-byte big-endian integer followed by those bytes; every number is 8 bytes big-endian. In
 * order: the text {@value #FORMAT}; the sequence number; the previous hash (64 lower-case hex digits, as text);
 * the subject; the number of fields; then for each field, sorted by name (Java's {@code String} order): its name,
 * the byte {@code 's'} and the text, or the byte {@code 'l'}, the number of items and each item's text. Every
 * part's length is written before it, so no two different entries share an encoding.
 */
public final class AuditChain {

  /** The "previous hash" of entry 1: nothing came before it. */
  public static final String GENESIS_HASH = "0".repeat(64);
  static final String FORMAT = "mash-audit-chain/1";

  private AuditChain() {
  }

  /** The entry that follows {@code tail} (null: the ledger is empty, so this is entry 1), hashed. */
  public static ChainedEntry after(ChainedEntry tail, String subject, Map<String, ?> fields) {
    long sequence = tail == null ? 1 : tail.sequence() + 1;
    String previousHash = tail == null ? GENESIS_HASH : tail.hash();
    return new ChainedEntry(sequence, subject, ChainedEntry.canonical(fields), previousHash,
        hashOf(sequence, subject, fields, previousHash));
  }

  /** SHA-256 of the entry's canonical encoding (above), in lower-case hex. */
  public static String hashOf(long sequence, String subject, Map<String, ?> fields, String previousHash) {
    Encoding out = new Encoding();
    out.text(FORMAT);
    out.number(sequence);
    out.text(previousHash);
    out.text(subject);
    Map<String, Object> sorted = ChainedEntry.canonical(fields);
    out.number(sorted.size());
    sorted.forEach((name, value) -> {
      out.text(name);
      if (value instanceof List<?> items) {
        out.tag('l');
        out.number(items.size());
        items.forEach(item -> out.text((String) item));
      } else {
        out.tag('s');
        out.text((String) value);
      }
    });
    return out.hash();
  }

  /** Whether {@code entry}'s hash fits its contents. */
  public static boolean fits(ChainedEntry entry) {
    try {
      return hashOf(entry.sequence(), entry.subject(), entry.fields(), entry.previousHash()).equals(entry.hash());
    } catch (IllegalArgumentException unencodable) {
      return false;
    }
  }

  /** Checks a whole ledger read in sequence order; stops at the first break. */
  public static ChainVerification verify(Iterator<ChainedEntry> entries) {
    return verify(entries, null);
  }

  /**
   * Checks a whole ledger read in sequence order, and that it still holds {@code anchor} (null: none) unchanged;
   * stops at the first break. Reads each entry once and keeps only the last, so a ledger of any length fits.
   */
  public static ChainVerification verify(Iterator<ChainedEntry> entries, ChainAnchor anchor) {
    long expected = 1;
    long checked = 0;
    String previousHash = GENESIS_HASH;
    while (entries.hasNext()) {
      ChainedEntry entry = entries.next();
      checked++;
      long at = entry.sequence();
      // The order of the checks names the break as it happened: a missing entry is a gap (not the broken link it
      // also causes), swapped entries break a link before either fails its own hash.
      if (at > expected) {
        return ChainVerification.broken(checked, expected, Break.GAP, "entry " + expected + " is missing: after "
            + (expected == 1 ? "the start" : "entry " + (expected - 1)) + " comes entry " + at + ".");
      }
      if (at < expected || !entry.previousHash().equals(previousHash)) {
        return ChainVerification.broken(checked, at, Break.BROKEN_LINK, "entry " + at + " does not carry the hash of "
            + (at == 1 ? "the start of the chain" : "entry " + (at - 1)) + ": entries were swapped, replaced or re-hashed.");
      }
      if (!fits(entry)) {
        return ChainVerification.broken(checked, at, Break.ALTERED_ENTRY, "entry " + at
            + "'s hash does not fit its contents: something in it was changed.");
      }
      if (anchor != null && anchor.sequence() == at && !anchor.hash().equals(entry.hash())) {
        return ChainVerification.broken(checked, at, Break.ANCHOR_MISMATCH, "entry " + at
            + " is whole but is not the entry anchored: the chain was rewritten up to it.");
      }
      previousHash = entry.hash();
      expected++;
    }
    if (anchor != null && anchor.sequence() >= expected) {
      return ChainVerification.broken(checked, expected, Break.TRUNCATED, "the chain ends at entry " + (expected - 1)
          + ", before the anchored entry " + anchor.sequence() + ": entries were removed from its end.");
    }
    return ChainVerification.intact(checked, checked == 0 ? null : new ChainAnchor(expected - 1, previousHash));
  }

  /** Feeds the canonical encoding straight into SHA-256. */
  private static final class Encoding {
    private final MessageDigest sha256;

    Encoding() {
      try {
        sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java runtime has SHA-256", e);
      }
    }

    void text(String text) {
      byte[] utf8 = utf8(text);
      sha256.update(ByteBuffer.allocate(4).putInt(utf8.length).array());
      sha256.update(utf8);
    }

    void number(long number) {
      sha256.update(ByteBuffer.allocate(8).putLong(number).array());
    }

    void tag(char tag) {
      sha256.update((byte) tag);
    }

    String hash() {
      return HexFormat.of().formatHex(sha256.digest());
    }

    /** Strict: a lone surrogate would be written as '?', and two different texts would hash alike. */
    private static byte[] utf8(String text) {
      try {
        ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
        byte[] utf8 = new byte[bytes.remaining()];
        bytes.get(utf8);
        return utf8;
      } catch (CharacterCodingException e) {
        throw new IllegalArgumentException("a text of the entry is not well-formed Unicode", e);
      }
    }
  }
}
