package org.mashfrontdoor.platform.audit;

import java.util.List;
import java.util.Map;
import org.mashfrontdoor.platform.paging.Page;
import org.mashfrontdoor.platform.paging.PageWindow;

/**
 * An append-only, hash-chained audit ledger ({@link AuditChain}): one per service. Entries are about a subject
 * (e.g. {@code contact:C-1}), by which they are found again; nothing is ever changed or removed.
 */
public interface AuditLedger {

  /** The longest page of entries any audit list serves (reads of a contact, a case, a referral). */
  int LARGEST_PAGE = 500;
  /** The page length when the caller gives none (text, for request parameter defaults). */
  String DEFAULT_PAGE = "100";

  /**
   * Adds an entry at the end of the chain, durably, and files it under {@code subject}; returns it. Throws if it
   * cannot do both, so that whatever the entry records (a read of a child's record) fails too.
   */
  ChainedEntry append(String subject, Map<String, ?> fields);

  /** The entries about {@code subject}, oldest first, as far as {@code window} shows. */
  Page<ChainedEntry> about(String subject, PageWindow window);

  /** Every entry about {@code subject}, oldest first. */
  List<ChainedEntry> about(String subject);

  /** Checks the whole chain and, when {@code anchor} is given, that it still holds that entry unchanged. */
  ChainVerification verify(ChainAnchor anchor);
}
