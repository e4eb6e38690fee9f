package org.mashfrontdoor.triage.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mashfrontdoor.platform.persistence.RoundTripsAtOnce;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.RagPolicy;
import org.mashfrontdoor.triage.domain.Referral;
import org.mashfrontdoor.triage.domain.ReferralDetails;
import org.mashfrontdoor.triage.domain.TriageEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a contact, with the decision deadline intake set, for each referral received; or, when the referral is linked to a
 * referral with an open contact, adds it to that contact instead. What the referral told the MASH is kept first
 * (ADR 0012), so a contact never exists without its referrals' details. Redeliveries change nothing.
 */
public class OpeningContact {

  private static final Logger log = LoggerFactory.getLogger(OpeningContact.class);
  private static final int ATTEMPTS = 5;

  public enum Result { OPENED, JOINED, ALREADY_HANDLED }

  private final Contacts contacts;
  private final Referrals referrals;
  private final RagPolicy ragPolicy;
  private final Clock clock;
  private final FrontDoorMetrics metrics;

  public OpeningContact(Contacts contacts, Referrals referrals, RagPolicy ragPolicy, Clock clock,
      FrontDoorMetrics metrics) {
    this.contacts = contacts;
    this.referrals = referrals;
    this.ragPolicy = ragPolicy;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** A referral received, what it told the MASH (kept once, before its contact is opened or joined), and its event. */
  public record Received(Referral referral, ReferralDetails details, String eventId) {

    public Received {
      if (!details.referralId().equals(referral.referralId())) {
        throw new IllegalArgumentException("the details are another referral's");
      }
    }
  }

  public Result open(Referral received, ReferralDetails details, String eventId) {
    return openAll(List.of(new Received(received, details, eventId))).getFirst();
  }

  /**
   * Referrals in the order received, each as if opened alone, in a few store round trips for the lot: their details
   * kept in one write, then each run of referrals that name no linked referral opened together (one lookup, one write
   * each for the alarms, the queue and the contacts). A linked referral, or a second event about a referral in the
   * run, is handled alone after the run before it, so it finds every contact that run opened. The first run's lookup
   * goes out with the details' write: it needs nothing kept, and each contact's write still follows both.
   */
  public List<Result> openAll(List<Received> received) {
    List<Received> all = received.stream().map(OpeningContact::toMillis).toList();
    List<Part> parts = parts(all);
    Runnable keep = () -> referrals.keepAll(all.stream().map(Received::details).toList());
    Map<String, Contact> firstOn = null;
    if (!parts.isEmpty() && parts.getFirst().alone() == null) {
      firstOn = RoundTripsAtOnce.run(keep, () -> contacts.openedBy(idsOf(parts.getFirst().together())));
    } else {
      keep.run();
    }
    List<Result> results = new ArrayList<>(all.size());
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      if (part.alone() != null) {
        results.add(openAlone(part.alone().referral(), part.alone().eventId()));
      } else {
        // A later run is looked up only now, after what the parts before it opened.
        results.addAll(openTogether(part.together(), i == 0 ? firstOn : contacts.openedBy(idsOf(part.together()))));
      }
    }
    return results;
  }

  /** Referrals opened together (naming no linked referral, each once), or one referral handled alone. */
  private record Part(List<Received> together, Received alone) {
  }

  /** The poll in order: runs of referrals that open together, and between them each one handled alone. */
  private static List<Part> parts(List<Received> all) {
    List<Part> parts = new ArrayList<>();
    List<Received> run = new ArrayList<>();
    Set<String> inRun = new HashSet<>();
    for (Received one : all) {
      if (one.referral().linkedReferralIds().isEmpty() && inRun.add(one.referral().referralId())) {
        run.add(one);
      } else {
        if (!run.isEmpty()) {
          parts.add(new Part(List.copyOf(run), null));
          run.clear();
          inRun.clear();
        }
        parts.add(new Part(List.of(), one));
      }
    }
    if (!run.isEmpty()) {
      parts.add(new Part(List.copyOf(run), null));
    }
    return parts;
  }

  private static List<String> idsOf(List<Received> run) {
    return run.stream().map(one -> one.referral().referralId()).toList();
  }

  /** The store keeps milliseconds; truncating here keeps the events and later reads identical. */
  private static Received toMillis(Received received) {
    Referral r = received.referral();
    return new Received(new Referral(r.referralId(), r.reference(), r.referralType(), r.agency(), r.organisation(),
        r.receivedAt().truncatedTo(ChronoUnit.MILLIS), r.decisionDueBy().truncatedTo(ChronoUnit.MILLIS),
        r.deadlinePolicy(), r.immediateRisk(), r.dashRiskLevel(), r.children(), r.reReferral(),
        r.linkedReferralIds()), received.details(), received.eventId());
  }

  /**
   * Referrals naming no linked referral, one each: a contact opened for each not on one yet ({@code on}: those on one,
   * read by contact id alone, as such a referral is only ever on the contact it opened).
   */
  private List<Result> openTogether(List<Received> run, Map<String, Contact> on) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Result[] results = new Result[run.size()];
    List<Contacts.Opening> openings = new ArrayList<>();
    List<Integer> opening = new ArrayList<>();
    for (int i = 0; i < run.size(); i++) {
      Referral referral = run.get(i).referral();
      if (on.containsKey(referral.referralId())) {
        results[i] = alreadyOnAContact(referral, run.get(i).eventId());
      } else {
        openings.add(opening(referral, now, run.get(i).eventId()));
        opening.add(i);
      }
    }
    List<Contacts.Write> writes = contacts.openAll(openings);
    for (int j = 0; j < opening.size(); j++) {
      int i = opening.get(j);
      Received one = run.get(i);
      results[i] = switch (writes.get(j)) {
        case APPLIED -> applied(one.referral(), openings.get(j).contact(), false, one.eventId());
        case ALREADY_HANDLED -> handledBefore(one.eventId());
        // Opened meanwhile by another event about the same referral: decided again, alone.
        default -> openAlone(one.referral(), one.eventId());
      };
    }
    return List.of(results);
  }

  private Result openAlone(Referral referral, String eventId) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (contacts.find(referral.referralId()).isPresent()) {
        return alreadyOnAContact(referral, eventId);
      }
      Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
      Optional<Contact> linked = referral.linkedReferralIds().isEmpty() ? Optional.empty()
          : contacts.findOpenHolding(referral.linkedReferralIds());
      Contacts.Write write;
      Contact written;
      if (linked.isPresent()) {
        written = linked.get().join(referral, now);
        write = contacts.update(linked.get(), written,
            List.of(new TriageEvent.ReferralJoined(written, referral.source(), now)), eventId);
      } else {
        Contacts.Opening opening = opening(referral, now, eventId);
        written = opening.contact();
        write = contacts.openAll(List.of(opening)).getFirst();
      }
      switch (write) {
        case APPLIED -> {
          return applied(referral, written, linked.isPresent(), eventId);
        }
        case ALREADY_HANDLED -> {
          return handledBefore(eventId);
        }
        default -> log.info("Contact for referral {} changed while opening, again (attempt {})",
            referral.referralId(), attempt);
      }
    }
    throw new IllegalStateException("Could not open or join a contact for referral " + referral.referralId());
  }

  /** A new contact for {@code referral}, announced. */
  private Contacts.Opening opening(Referral referral, Instant now, String eventId) {
    Contact contact = Contact.open(referral, ragPolicy, now);
    return new Contacts.Opening(contact, List.of(new TriageEvent.ContactOpened(contact, contact.rag(ragPolicy, now),
        referral.urgentReasons(), now)), eventId);
  }

  private static Result alreadyOnAContact(Referral referral, String eventId) {
    // Opened or joined before (a redelivery, or a re-publication): it must not reset its clock.
    log.info("Referral {} is on a contact already; event {} changes nothing", referral.referralId(), eventId);
    return Result.ALREADY_HANDLED;
  }

  private static Result handledBefore(String eventId) {
    log.info("Event {} was handled before: nothing to do", eventId);
    return Result.ALREADY_HANDLED;
  }

  private Result applied(Referral referral, Contact written, boolean joined, String eventId) {
    log.info("Referral {} {} contact {} (event {})", referral.referralId(), joined ? "joined" : "opened",
        written.contactId(), eventId);
    metrics.referralReceived(referral.source(), written.lane(), joined);
    return joined ? Result.JOINED : Result.OPENED;
  }
}
