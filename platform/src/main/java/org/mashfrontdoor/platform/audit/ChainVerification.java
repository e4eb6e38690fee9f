package org.mashfrontdoor.platform.audit;

/**
 * What checking an audit ledger found: how many {@code entries} were checked and whether the chain is
 * {@code intact}; if not, the sequence number where it first breaks ({@code brokenAt}), the kind of break
 * ({@code reason}) and a sentence saying what is wrong ({@code detail}). When intact, {@code head} is the last
 * entry's place and hash: an operator who records it somewhere the store's administrators cannot write can later
 * check that nothing was cut from the end ({@link ChainAnchor}). Null {@code head} when broken or empty.
 */
public record ChainVerification(long entries, boolean intact, Long brokenAt, Break reason, String detail,
    ChainAnchor head) {

  /** The kinds of break, as the first broken entry shows it. */
  public enum Break {
    /** The entry's hash does not fit its contents: something in it was changed. */
    ALTERED_ENTRY,
    /** The entry does not name the hash of the one before it: entries were swapped, replaced or re-hashed. */
    BROKEN_LINK,
    /** An entry is missing: removed from the middle of the chain. */
    GAP,
    /** The chain ends before the anchored entry: entries were removed from its end. */
    TRUNCATED,
    /** The anchored entry is there, but with another hash: the chain was rewritten up to it. */
    ANCHOR_MISMATCH
  }

  static ChainVerification intact(long entries, ChainAnchor head) {
    return new ChainVerification(entries, true, null, null, null, head);
  }

  static ChainVerification broken(long entries, long at, Break reason, String detail) {
    return new ChainVerification(entries, false, at, reason, detail, null);
  }
}
