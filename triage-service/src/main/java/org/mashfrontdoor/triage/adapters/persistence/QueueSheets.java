package org.mashfrontdoor.triage.adapters.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.mashfrontdoor.platform.paging.PageWindow;
import org.mashfrontdoor.platform.persistence.DuplicateKeys;
import org.mashfrontdoor.platform.persistence.Scans;
import org.mashfrontdoor.triage.application.Contacts;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.ContactStatus;
import org.mashfrontdoor.triage.domain.Lane;
import org.mashfrontdoor.triage.domain.Rag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front-door queue read by key. Each open contact is listed in one sheet per urgency, lane and second of its
 * decision deadline ({@code _id} such as {@code urgent/MASH/1764755400}), and a tally document counts the listings
 * of each urgency, lane and minute. A page of the queue reads the tally, then only the sheets the page falls in, then
 * those contacts by {@code _id}: its cost follows the page, never how many contacts wait (reading every open contact
 * to sort them took seconds at a few thousand on the stand-in store, and cannot be done at a million).
 *
 * <p>The contact stays the truth. A listing is written before the contact's write and removed after it, so an open
 * contact is always listed; a listing whose contact is not open at that place (the write lost a race, the process
 * died) is skipped on reading, and removed once it is older than {@link #SETTLING}, so one whose write is still on
 * its way is never removed. The tally counts up before a listing and down after one is removed, so it never counts
 * fewer than the sheets hold: a failure between the two writes can make a total count one that is not shown (and a
 * later page repeat one), never hide a listing. A reading that finds a minute's tally above its listings, unchanged
 * since a reading more than {@link #SETTLING} before, counts the excess off.
 */
final class QueueSheets {

  private static final Logger log = LoggerFactory.getLogger(QueueSheets.class);

  static final String COLLECTION = "queueSheets";
  /** Far longer than one listing-then-write. */
  static final Duration SETTLING = Duration.ofMinutes(5);
  private static final String TALLY = "tally";
  /** Of each tally found counting more than its sheets hold: the counts seen and since when. */
  private static final String TALLY_CHECKS = "tallyChecks";
  private static final String COUNTED = "counted";
  private static final String LISTED = "listed";
  private static final String IDS = "ids";
  private static final String SINCE = "since";
  /** Set once the open contacts of a store from before the sheets are listed. */
  private static final String LISTED_EARLIER = "listedEarlier";
  private static final String ENTRIES = "entries";
  private static final String ID = "id";
  private static final String DUE = "due";
  private static final String FILED_AT = "filedAt";
  private static final int IDS_PER_READ = 500;

  /**
   * Where a contact is listed: its urgency and lane (a series of sheets) and the minute of its deadline, which the
   * tally counts; the listing itself is in that minute's sheet of its deadline's second, so that no sheet grows with
   * the rate of receipt much (a minute's sheet held thousands under the benchmark's load, each push rewriting it).
   */
  record Place(boolean urgent, Lane lane, long minute) {

    static Place of(Contact contact) {
      return new Place(contact.urgent(), contact.lane(), Math.floorDiv(contact.decisionDueBy().getEpochSecond(), 60));
    }

    String series() {
      return (urgent ? "urgent/" : "standard/") + lane.name();
    }

    /** The sheet of the deadlines in one second of this minute. */
    String sheet(Instant due) {
      return series() + "/" + due.getEpochSecond();
    }

    /** The sheets of every second of this minute. */
    List<String> sheets() {
      List<String> keys = new ArrayList<>(60);
      for (long second = minute * 60; second < minute * 60 + 60; second++) {
        keys.add(series() + "/" + second);
      }
      return keys;
    }
  }

  /** One listing: a contact at its place, with its deadline (for the order within a minute) and when it was filed. */
  private record Listing(Place place, String contactId, Instant due, Instant filedAt) {
  }

  /** Urgent first, then the earliest deadline, then the contact id: {@link Contact#QUEUE_ORDER} over listings. */
  private static final Comparator<Listing> ORDER = Comparator.comparing((Listing l) -> !l.place().urgent())
      .thenComparing(Listing::due).thenComparing(Listing::contactId);

  private final MongoCollection<Document> sheets;
  private final MongoCollection<Document> contacts;
  private final Clock clock;

  QueueSheets(MongoDatabase database, MongoCollection<Document> contacts, Clock clock) {
    this.sheets = database.getCollection(COLLECTION).withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    this.contacts = contacts;
    this.clock = clock;
    listEarlierContactsOnce();
  }

  /**
   * Before writing {@code changed} over {@code current} (null for a new contact): lists it at its place, unless it
   * is there already. An open contact is always listed at its place, so a step that leaves it there (checks, a
   * recommendation, a RAG change) costs no write here.
   */
  void beforeWrite(Contact current, Contact changed) {
    boolean stays = current != null && current.status() == ContactStatus.OPEN
        && changed.status() == ContactStatus.OPEN && Place.of(current).equals(Place.of(changed));
    if (!stays) {
      list(changed);
    }
  }

  /** Lists an open contact at its place (idempotent): {@link #listAll} of one. */
  void list(Contact contact) {
    listAll(List.of(contact));
  }

  /**
   * Lists the open ones among {@code contacts} at their places (idempotent): the tally counted up for all in one
   * write, then one unordered write pushing each into its sheet (made if missing); each push refused (the contact
   * listed already, or another writer making the same sheet) is settled alone. The tally is counted up before the
   * pushes and down again for each contact that was listed already, so a failure between the writes leaves the tally
   * counting more than the sheets hold, never less: a minute's listings are then never skipped, at worst a later page
   * repeats one.
   */
  void listAll(List<Contact> contacts) {
    List<Contact> open = contacts.stream().filter(c -> c.status() == ContactStatus.OPEN).toList();
    if (open.isEmpty()) {
      return;
    }
    Date now = Date.from(clock.instant());
    Map<Place, Integer> up = new HashMap<>();
    open.forEach(contact -> up.merge(Place.of(contact), 1, Integer::sum));
    count(up);
    List<UpdateOneModel<Document>> pushes = open.stream().map(contact -> new UpdateOneModel<Document>(
        unlisted(contact), Updates.push(ENTRIES, listing(contact, now)), new UpdateOptions().upsert(true))).toList();
    // Refused: the upsert found no sheet without the contact and could not make a second (MongoDB retries such an
    // upsert itself only for an equality filter).
    Set<Integer> refused = DuplicateKeys.writeAll(sheets, pushes);
    Map<Place, Integer> down = new HashMap<>();
    for (int i : refused) {
      if (listedBefore(open.get(i), pushes.get(i).getUpdate(), now)) {
        down.merge(Place.of(open.get(i)), -1, Integer::sum);
      }
    }
    count(down);
  }

  /**
   * Settles one push the bulk write refused: true when the contact was listed before (a redelivery; its listing is
   * filed now, so it is not taken for one whose write never followed), false once this call listed it. A sheet can
   * be emptied and removed between two of these writes, so each step is checked and the next tried.
   */
  private boolean listedBefore(Contact contact, Bson push, Date now) {
    String sheet = Place.of(contact).sheet(contact.decisionDueBy());
    for (int attempt = 1; attempt <= 5; attempt++) {
      if (sheets.updateOne(unlisted(contact), push).getModifiedCount() == 1) {
        return false;
      }
      if (sheets.updateOne(new Document("_id", sheet).append(ENTRIES + "." + ID, contact.contactId()),
          Updates.set(ENTRIES + ".$." + FILED_AT, now)).getMatchedCount() == 1) {
        return true;
      }
      try {
        sheets.updateOne(unlisted(contact), push, new UpdateOptions().upsert(true));
        return false;
      } catch (MongoWriteException e) {
        if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
      }
    }
    throw new IllegalStateException("Sheet " + sheet + " kept changing while listing a contact on it");
  }

  /** The contact's sheet, if it does not list the contact yet. */
  private static Document unlisted(Contact contact) {
    return new Document("_id", Place.of(contact).sheet(contact.decisionDueBy()))
        .append(ENTRIES + "." + ID, new Document("$ne", contact.contactId()));
  }

  private static Document listing(Contact contact, Date filedAt) {
    return new Document(ID, contact.contactId()).append(DUE, Date.from(contact.decisionDueBy()))
        .append(FILED_AT, filedAt);
  }

  /**
   * After {@code current} was written as {@code changed}: removes {@code current}'s listing when the contact left the
   * queue or moved to another place ({@code changed} was listed before its write).
   */
  void afterWrite(Contact current, Contact changed) {
    if (current.status() == ContactStatus.OPEN && (changed.status() != ContactStatus.OPEN
        || !Place.of(current).equals(Place.of(changed)))) {
      try {
        unlist(Place.of(current), current.decisionDueBy(), current.contactId());
      } catch (RuntimeException e) {
        // The contact's write stands: the listing left behind is skipped, and removed by a reader once settled.
        log.warn("Contact {} left its queue listing behind, to be removed on reading: {}", current.contactId(),
            e.toString());
      }
    }
  }

  /** Pulls the listing, then counts it down (in that order: the tally never counts less than the sheets hold). */
  private void unlist(Place place, Instant due, String contactId) {
    String sheet = place.sheet(due);
    UpdateResult result = sheets.updateOne(new Document("_id", sheet).append(ENTRIES + "." + ID, contactId),
        Updates.pull(ENTRIES, new Document(ID, contactId)));
    if (result.getModifiedCount() == 1) {
      count(place, -1);
      sheets.deleteOne(new Document("_id", sheet).append(ENTRIES, new Document("$size", 0))); // none left in it
    }
  }

  private void count(Place place, int by) {
    count(Map.of(place, by));
  }

  /** Counts each place's listings by its number, in one write (none when there is nothing to count). */
  private void count(Map<Place, Integer> by) {
    if (!by.isEmpty()) {
      sheets.updateOne(Filters.eq("_id", TALLY), Updates.combine(by.entrySet().stream()
          .map(place -> Updates.inc(place.getKey().series() + "." + place.getKey().minute(), place.getValue()))
          .toList()), new UpdateOptions().upsert(true));
    }
  }

  /**
   * A page of the open contacts in queue order, in {@code lane} or (null) both, whose RAG now ({@code ragNow} of
   * their deadline, which must grow no less severe as the deadline comes sooner) is {@code rag} or (null) any.
   */
  Contacts.Queue queue(Lane lane, Rag rag, Function<Instant, Rag> ragNow, PageWindow window) {
    for (int attempt = 1; ; attempt++) {
      Read read = new Read(lane, rag, ragNow);
      List<Listing> page = read.page(window);
      List<Contact> shown = new ArrayList<>();
      boolean repaired = false;
      Map<String, Contact> byId = open(page.stream().map(Listing::contactId).toList());
      Instant settled = clock.instant().minus(SETTLING);
      for (Listing listing : page) {
        Contact contact = byId.get(listing.contactId());
        if (contact != null && Place.of(contact).equals(listing.place())) {
          shown.add(contact);
        } else if (listing.filedAt().isBefore(settled)) {
          unlist(listing.place(), listing.due(), listing.contactId());
          repaired = true;
        }
      }
      if (!repaired || attempt == 3) {
        return new Contacts.Queue(shown, read.total, read.urgent);
      }
    }
  }

  /** The open ones among {@code ids}, by id. */
  private Map<String, Contact> open(List<String> ids) {
    Map<String, Contact> byId = new HashMap<>();
    for (int from = 0; from < ids.size(); from += IDS_PER_READ) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_READ));
      for (Document d : contacts.find(Filters.in("_id", chunk))) {
        Contact contact = ContactDocuments.toContact(d);
        if (contact.status() == ContactStatus.OPEN) {
          byId.put(contact.contactId(), contact);
        }
      }
    }
    return byId;
  }

  /**
   * The open contacts counted by lane and by their RAG now ({@code ragNow} of their deadline), zeros included: the
   * tally's counts, with only the sheets a RAG boundary falls in read to count them exactly.
   */
  Map<Lane, Map<Rag, Long>> counts(Function<Instant, Rag> ragNow) {
    Map<Lane, Map<Rag, Long>> counts = new EnumMap<>(Lane.class);
    for (Lane lane : Lane.values()) {
      Map<Rag, Long> byRag = new EnumMap<>(Rag.class);
      for (Rag rag : Rag.values()) {
        byRag.put(rag, 0L);
      }
      counts.put(lane, byRag);
    }
    Read read = new Read(null, null, ragNow);
    List<Read.Minute> split = new ArrayList<>();
    for (Read.Minute minute : read.minutes) {
      MinuteRag minuteRag = MinuteRag.of(minute.minute(), ragNow);
      if (minuteRag.first() == minuteRag.last()) {
        minute.places().forEach((place, n) -> counts.get(place.lane()).merge(minuteRag.first(), n, Long::sum));
      } else {
        split.add(minute);
      }
    }
    read.readSheets(split);
    for (Read.Minute minute : split) {
      read.read.get(minute).forEach(listing ->
          counts.get(listing.place().lane()).merge(ragNow.apply(listing.due()), 1L, Long::sum));
    }
    return counts;
  }

  /** The RAG now of a deadline at the first and at the last instant of a minute. */
  private record MinuteRag(Rag first, Rag last) {

    static MinuteRag of(long minute, Function<Instant, Rag> ragNow) {
      return new MinuteRag(ragNow.apply(Instant.ofEpochSecond(minute * 60)),
          ragNow.apply(Instant.ofEpochSecond(minute * 60 + 59, 999_999_999)));
    }
  }

  /** One reading of the queue: the tally, then the sheets a count or the page needs. */
  private final class Read {

    /** The places of one urgency and minute, across the lanes asked for, with the tally's count of each. */
    private record Minute(boolean urgent, long minute, Map<Place, Long> places) {
    }

    private final Lane lane;
    private final Rag rag;
    private final Function<Instant, Rag> ragNow;
    private final List<Minute> minutes = new ArrayList<>();
    private final Map<Minute, List<Listing>> read = new HashMap<>();
    private final Map<Place, Tallied> tallied = new HashMap<>();
    private final Map<Minute, Long> counts = new HashMap<>();
    private long total;
    private long urgent;

    Read(Lane lane, Rag rag, Function<Instant, Rag> ragNow) {
      this.lane = lane;
      this.rag = rag;
      this.ragNow = ragNow;
      Document tally = sheets.find(Filters.eq("_id", TALLY)).first();
      Map<String, Minute> byMinute = new HashMap<>();
      List<Place> emptied = new ArrayList<>();
      for (boolean isUrgent : new boolean[] {true, false}) {
        for (Lane l : Lane.values()) {
          Document series = tally == null || lane != null && lane != l ? null
              : tally.get(new Place(isUrgent, l, 0).series(), Document.class);
          if (series != null) {
            series.forEach((minute, count) -> {
              if (((Number) count).longValue() == 0) {
                emptied.add(new Place(isUrgent, l, Long.parseLong(minute)));
              } else if (((Number) count).longValue() > 0) {
                long m = Long.parseLong(minute);
                byMinute.computeIfAbsent(isUrgent + "/" + m, k -> new Minute(isUrgent, m, new HashMap<>()))
                    .places().put(new Place(isUrgent, l, m), ((Number) count).longValue());
              }
            });
          }
        }
      }
      // A minute counted down to 0 holds no listing (the tally never counts less): its key goes, unless one came.
      for (Place place : emptied) {
        String key = place.series() + "." + place.minute();
        sheets.updateOne(new Document("_id", TALLY).append(key, 0), Updates.unset(key));
      }
      minutes.addAll(byMinute.values());
      minutes.sort(Comparator.comparing((Minute m) -> !m.urgent()).thenComparingLong(Minute::minute));
      // Sheets a RAG boundary falls in are read to count them exactly; the others are all in or all out.
      List<Minute> boundaries = new ArrayList<>();
      for (Minute minute : minutes) {
        Boolean all = allIn(minute.minute());
        if (all == null) {
          boundaries.add(minute);
        } else if (all) {
          counts.put(minute, minute.places().values().stream().mapToLong(Long::longValue).sum());
        }
      }
      readSheets(boundaries);
      for (Minute minute : boundaries) {
        counts.put(minute, (long) read.get(minute).size());
      }
      counts.forEach((minute, n) -> {
        total += n;
        urgent += minute.urgent() ? n : 0;
      });
    }

    /** True when every deadline in the minute has the RAG asked for, false when none has, null when some have. */
    private Boolean allIn(long minute) {
      if (rag == null) {
        return true;
      }
      MinuteRag minuteRag = MinuteRag.of(minute, ragNow);
      if (minuteRag.first() == rag && minuteRag.last() == rag) {
        return true;
      }
      // The earlier deadline is the more severe: the RAG asked for lies between them or nowhere in the minute.
      boolean between = rag.ordinal() <= minuteRag.first().ordinal() && rag.ordinal() >= minuteRag.last().ordinal();
      return between ? null : false;
    }

    List<Listing> page(PageWindow window) {
      long position = 0;
      long end = (long) window.offset() + window.limit();
      List<Minute> needed = new ArrayList<>();
      long firstPosition = -1;
      for (Minute minute : minutes) {
        Long n = counts.get(minute);
        if (n == null || n == 0) {
          continue;
        }
        if (position + n > window.offset() && position < end) {
          needed.add(minute);
          if (firstPosition < 0) {
            firstPosition = position;
          }
        }
        position += n;
        if (position >= end) {
          break;
        }
      }
      readSheets(needed);
      List<Listing> listed = new ArrayList<>();
      for (Minute minute : needed) {
        listed.addAll(read.get(minute));
      }
      int from = (int) Math.max(0, window.offset() - firstPosition);
      return listed.size() <= from ? List.of()
          : List.copyOf(listed.subList(from, Math.min(listed.size(), from + window.limit())));
    }

    /** Of a place whose sheets were read: the tally's count, the listings its sheets held and a sum of their ids. */
    private static final class Tallied {
      private final long tally;
      private long listed;
      private long idsHashSum;

      Tallied(long tally) {
        this.tally = tally;
      }

      void list(String id) {
        listed++;
        idsHashSum += id.hashCode();
      }
    }

    /** Reads the sheets of {@code wanted} not read yet: each minute's listings of the RAG asked for, in order. */
    private void readSheets(List<Minute> wanted) {
      Map<String, Minute> byKey = new HashMap<>();
      Map<String, Place> placeOf = new HashMap<>();
      for (Minute minute : wanted) {
        if (!read.containsKey(minute)) {
          minute.places().forEach((place, count) -> {
            tallied.put(place, new Tallied(count));
            place.sheets().forEach(key -> {
              byKey.put(key, minute);
              placeOf.put(key, place);
            });
          });
          read.put(minute, new ArrayList<>());
        }
      }
      List<String> keys = new ArrayList<>(byKey.keySet());
      for (int from = 0; from < keys.size(); from += IDS_PER_READ) {
        for (Document sheet : sheets.find(Filters.in("_id", keys.subList(from, Math.min(keys.size(),
            from + IDS_PER_READ))))) {
          Minute minute = byKey.get(sheet.getString("_id"));
          Place place = placeOf.get(sheet.getString("_id"));
          Set<String> seen = new HashSet<>();
          for (Document entry : sheet.getList(ENTRIES, Document.class, List.of())) {
            Instant due = entry.getDate(DUE).toInstant();
            if (seen.add(entry.getString(ID))) {
              tallied.get(place).list(entry.getString(ID));
              if (rag == null || ragNow.apply(due) == rag) {
                read.get(minute).add(new Listing(place, entry.getString(ID), due,
                    entry.getDate(FILED_AT).toInstant()));
              }
            }
          }
        }
      }
      wanted.forEach(minute -> read.get(minute).sort(ORDER));
      settleTally();
    }

    /**
     * Sets right a tally that counts more than its sheets hold. A listing's tally is counted up before its push, so
     * a failure between the two (the store slow or away) followed by a retry counts one twice; left alone, such
     * excess would add up in the totals and the open-contact gauges for as long as the minute has listings. An
     * excess is only a push still on its way while it is younger than {@link #SETTLING}: one seen unchanged for
     * longer (the same tally, the same listings) counts nothing and is counted off, if the tally is still that.
     * (Wrong only if a listing's two writes were each half done at both readings, minutes apart, with the same
     * listings and tally in between unread: a reading with the two agreeing forgets what was seen.)
     */
    private void settleTally() {
      if (tallied.isEmpty()) {
        return;
      }
      Document checks = sheets.find(Filters.eq("_id", TALLY_CHECKS)).first();
      Instant now = clock.instant();
      Map<String, Bson> changes = new HashMap<>(); // by key: one change each, or the update is refused
      tallied.forEach((place, counted) -> {
        String key = place.series() + "." + place.minute();
        Document series = checks == null ? null : checks.get(place.series(), Document.class);
        Document seen = series == null ? null : series.get(Long.toString(place.minute()), Document.class);
        long tally = counted.tally;
        long listed = counted.listed;
        boolean same = seen != null && seen.getLong(COUNTED) == tally && seen.getLong(LISTED) == listed
            && seen.getLong(IDS) == counted.idsHashSum;
        if (tally <= listed) {
          if (tally < listed) {
            // Never from a write on its way (each counts up before its push and down after its pull): only from an
            // excess counted off while a push was held up past settling. Counting up is always safe.
            sheets.updateOne(new Document("_id", TALLY).append(key, tally), Updates.inc(key, listed - tally));
          }
          if (seen != null) {
            changes.put(key, Updates.unset(key));
          }
        } else if (same && seen.getDate(SINCE).toInstant().plus(SETTLING).isBefore(now)) {
          sheets.updateOne(new Document("_id", TALLY).append(key, tally), Updates.inc(key, listed - tally));
          changes.put(key, Updates.unset(key));
          log.info("Queue tally {} stood at {} over {} listings for more than {}: set to the listings", key, tally,
              listed, SETTLING);
        } else if (!same) {
          changes.put(key, Updates.set(key, new Document(COUNTED, tally).append(LISTED, listed).append(IDS, counted.idsHashSum)
              .append(SINCE, Date.from(now))));
        }
      });
      tallied.clear();
      // A note on a minute nobody reads again (emptied, or long past) is let go after a day.
      if (checks != null) {
        checks.forEach((series, minutes) -> {
          if (minutes instanceof Document byMinute) {
            byMinute.forEach((minute, note) -> {
              if (note instanceof Document n && n.getDate(SINCE).toInstant().plus(Duration.ofDays(1)).isBefore(now)) {
                changes.putIfAbsent(series + "." + minute, Updates.unset(series + "." + minute));
              }
            });
          }
        });
      }
      if (!changes.isEmpty()) {
        sheets.updateOne(Filters.eq("_id", TALLY_CHECKS), Updates.combine(List.copyOf(changes.values())),
            new UpdateOptions().upsert(true));
      }
    }
  }

  /**
   * A store from before the sheets: its open contacts listed at start-up (one scan, once), in rounds of
   * {@link #listAll}, so the service holds one round.
   */
  private void listEarlierContactsOnce() {
    Document tally = sheets.find(Filters.eq("_id", TALLY)).first();
    if (tally != null && Boolean.TRUE.equals(tally.getBoolean(LISTED_EARLIER))) {
      return;
    }
    Scans.inRounds(contacts.find(Filters.eq(ContactDocuments.STATUS, ContactStatus.OPEN.name())),
        ContactDocuments::toContact, this::listAll);
    sheets.updateOne(Filters.eq("_id", TALLY), Updates.set(LISTED_EARLIER, true), new UpdateOptions().upsert(true));
  }
}
