package org.mashfrontdoor.triage.application;

import org.mashfrontdoor.platform.paging.Page;
import org.mashfrontdoor.platform.paging.PageWindow;
import org.mashfrontdoor.triage.domain.ContactRead;

/**
 * The append-only record of who read which contact, when and why. Nothing here is ever changed or removed; the
 * record is a hash chain, so a change made behind its back shows when it is verified.
 */
public interface ReadAudit {

  /** Stores the read; throws if it cannot, so that the read it records fails too. */
  void record(ContactRead read);

  /** The reads of the contact {@code contactId}, oldest first, as far as {@code window} shows. */
  Page<ContactRead> readsOf(String contactId, PageWindow window);
}
