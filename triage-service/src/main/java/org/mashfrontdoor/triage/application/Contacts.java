package org.mashfrontdoor.triage.application;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.mashfrontdoor.platform.paging.PageWindow;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.Lane;
import org.mashfrontdoor.triage.domain.Rag;
import org.mashfrontdoor.triage.domain.TriageEvent;

/** The MASH contacts. Each write stores the contact together with the events it raises, in one atomic write. */
public interface Contacts {

  enum Write {
    APPLIED,
    /** The consumed event was handled before: nothing changed. */
    ALREADY_HANDLED,
    /** The contact exists already, or changed since it was read. */
    CONFLICT,
    NOT_FOUND
  }

  /** The contact any of whose referrals is {@code referralId}. */
  default Optional<Contact> find(String referralId) {
    return Optional.ofNullable(findAll(List.of(referralId)).get(referralId));
  }

  /** The contact of each of {@code referralIds} that is on one, by referral id, in a few reads however many. */
  Map<String, Contact> findAll(Collection<String> referralIds);

  /**
   * The contact each of {@code referralIds} opened, by referral id: for referrals that name no linked referral, which
   * are only ever on the contact they opened (a referral joins a contact only through a link). The store's adapter
   * answers with one read by contact id; this default, for stand-ins, with {@link #findAll}.
   */
  default Map<String, Contact> openedBy(Collection<String> referralIds) {
    Map<String, Contact> opened = new HashMap<>(findAll(referralIds));
    opened.entrySet().removeIf(found -> !found.getValue().contactId().equals(found.getKey()));
    return opened;
  }

  /** An open contact holding any of {@code referralIds}. */
  Optional<Contact> findOpenHolding(Collection<String> referralIds);

  /**
   * A page of the open contacts in queue order ({@link Contact#QUEUE_ORDER}), in one lane or (null) both, whose RAG
   * now ({@code ragNow} of their deadline) is {@code rag} or (null) any; with how many are queued in all with those
   * filters, and how many of them are urgent.
   */
  Queue queue(Lane lane, Rag rag, Function<Instant, Rag> ragNow, PageWindow window);

  /** A page of the queue, and the counts of the whole queue (with its filters). */
  record Queue(List<Contact> contacts, long total, long urgent) {

    public Queue {
      contacts = List.copyOf(contacts);
    }
  }

  /** Open contacts whose next alarm is due at {@code now}, soonest first, at most {@code limit}. */
  List<Contact> dueAlarms(Instant now, int limit);

  /** Open contacts counted by lane and by their RAG now ({@code ragNow} of their deadline), zeros included. */
  Map<Lane, Map<Rag, Long>> countOpen(Function<Instant, Rag> ragNow);

  /** Stores a new contact with its events, marking {@code handledEventId} as handled. */
  default Write open(Contact contact, List<TriageEvent> events, String handledEventId) {
    return openAll(List.of(new Opening(contact, events, handledEventId))).getFirst();
  }

  /** A new contact, the events it raises, and the consumed event it comes from. */
  record Opening(Contact contact, List<TriageEvent> events, String handledEventId) {

    public Opening {
      events = List.copyOf(events);
    }
  }

  /** Stores many new contacts, each as {@link #open} would, in a few writes however many; answers in order. */
  List<Write> openAll(List<Opening> openings);

  /** Stores {@code changed} with its events if the stored contact is still {@code current} (by its version). */
  Write update(Contact current, Contact changed, List<TriageEvent> events, String handledEventId);
}
