package org.mashfrontdoor.triage.application;

import java.util.List;
import java.util.Optional;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.ContactOpened;
import org.mashfrontdoor.triage.domain.DecisionRecorded;

/** The MASH contacts. Each write stores the contact together with the event it raises, in one atomic write. */
public interface Contacts {

  enum Write {
    APPLIED,
    /** The consumed event was handled before: nothing changed. */
    ALREADY_HANDLED,
    /** The contact exists already, or changed since it was read. */
    CONFLICT,
    NOT_FOUND
  }

  Optional<Contact> find(String referralId);

  /** Contacts still awaiting a decision, in no particular order. */
  List<Contact> openContacts();

  /** Stores {@code opened.contact()} under its referral id, marking {@code handledEventId} as handled. */
  Write open(ContactOpened opened, String handledEventId);

  /** Stores {@code recorded.contact()} if the stored contact is still at {@code expectedVersion}. */
  Write recordDecision(DecisionRecorded recorded, long expectedVersion);
}
