package org.mashfrontdoor.triage.application;

import java.util.List;
import org.mashfrontdoor.triage.domain.ContactRead;

/** The append-only record of who read which contact, when and why. Nothing here is ever changed or removed. */
public interface ReadAudit {

  /** Stores the read; throws if it cannot, so that the read it records fails too. */
  void record(ContactRead read);

  /** Every read of the contact {@code contactId}, oldest first. */
  List<ContactRead> readsOf(String contactId);
}
