package org.mashfrontdoor.triage.application;

import org.mashfrontdoor.platform.codes.ReferralType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.paging.Page;
import org.mashfrontdoor.platform.paging.PageWindow;
import org.mashfrontdoor.triage.domain.Child;
import org.mashfrontdoor.triage.domain.Contact;
import org.mashfrontdoor.triage.domain.ContactRead;
import org.mashfrontdoor.triage.domain.Lane;
import org.mashfrontdoor.triage.domain.Rag;
import org.mashfrontdoor.triage.domain.RagPolicy;
import org.mashfrontdoor.triage.domain.ReceivedReferrals;
import org.mashfrontdoor.triage.domain.ReferralDetails;
import org.mashfrontdoor.triage.domain.Role;
import org.mashfrontdoor.triage.domain.Staff;
import org.mashfrontdoor.triage.domain.TriageEvent;

@DisplayName("Reading a contact is audited first: who, what, when, why")
class ViewingContactsTest {

  static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");
  static final RagPolicy RAG = new RagPolicy(Duration.ofHours(8), Duration.ofHours(2));
  static final Staff READER = new Staff("sw-4", Role.MASH_SOCIAL_WORKER);
  static final Contact CONTACT = Contact.open(ReceivedReferrals.dueWithin24Hours("r-1", "MARF-2026-000001", ReferralType.MARF, "SCHOOL",
      "Bishop's Oak Primary", NOW.minus(Duration.ofHours(1)), false, null,
      List.of(new Child(LocalDate.parse("2016-03-14"), false)), false, List.of()), RAG, NOW.minus(Duration.ofHours(1)));

  static final ReferralDetails DETAILS = new ReferralDetails("r-1", null,
      new ReferralDetails.Referrer("SCHOOL", "Bishop's Oak Primary", "A. Teacher", "DSL", "dsl@example.org", null),
      List.of(new ReferralDetails.Child("Ava", "Marsh", LocalDate.parse("2016-03-14"), null, "Bishop's Oak Primary",
          false)),
      null, new ReferralDetails.Concern(List.of("NEGLECT"), "Arrives hungry.", null, false, 3), null,
      new ReferralDetails.Consent(false, false, "Telling the parents could put Ava at risk.",
          "SAFEGUARDING_CHILDREN_DPA_2018"));

  final List<ContactRead> audited = new ArrayList<>();
  /** Every read of a referral's details, in order, as "details:<id>"; audit writes as "audit". */
  final List<String> reads = new ArrayList<>();

  ViewingContacts viewing(ReadAudit audit) {
    return new ViewingContacts(new OneContact(), new Kept(), audit, RAG, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void records_who_read_which_contact_when_and_why_then_shows_it() {
    ContactRecord shown = viewing(new Recorded()).contact("r-1", READER, "  MASH screening ");

    assertThat(shown.contact().contactId()).isEqualTo("r-1");
    assertThat(audited).containsExactly(
        new ContactRead("sw-4", Role.MASH_SOCIAL_WORKER, "r-1", "r-1", List.of("r-1"), NOW, "MASH screening"));
  }

  @Test
  void shows_what_each_referral_told_the_mash_read_only_after_the_audit_entry_is_written() {
    ContactRecord shown = viewing(new Recorded()).contact("r-1", READER, "MASH screening");

    assertThat(reads).containsExactly("audit", "details:r-1");
    assertThat(shown.referrals()).containsExactly(DETAILS);
    assertThat(shown.detailsOf("r-1").orElseThrow().children().getFirst().givenName()).isEqualTo("Ava");
    assertThat(shown.sharedWithoutConsent()).as("shown to the manager with its reason").containsExactly(DETAILS);
    assertThat(shown.toString() + DETAILS + DETAILS.children() + DETAILS.consent() + DETAILS.concern()
        + DETAILS.referrer()).as("never in a log line").doesNotContain("Ava", "Marsh", "2016", "hungry",
        "Telling the parents", "A. Teacher", "dsl@");

    ContactRecord answered = viewing(new Recorded()).shown(ViewingContacts.view(CONTACT, RAG, NOW), READER, "r-1",
        "Recording the decision");
    assertThat(answered.referrals()).as("a step's answer is an audited read too").containsExactly(DETAILS);
    assertThat(audited).extracting(ContactRead::purpose).containsExactly("MASH screening", "Recording the decision");
  }

  @Test
  void shows_nothing_when_the_audit_cannot_be_written() {
    ReadAudit failing = new Recorded() {
      @Override
      public void record(ContactRead read) {
        throw new IllegalStateException("audit store unavailable");
      }
    };
    assertThatThrownBy(() -> viewing(failing).contact("r-1", READER, "MASH screening"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> viewing(failing).shown(ViewingContacts.view(CONTACT, RAG, NOW), READER, "r-1",
        "Recording the decision")).isInstanceOf(IllegalStateException.class);
    assertThat(reads).as("no audit entry, no data: the details are never read").isEmpty();
  }

  @Test
  void audits_nothing_for_an_unknown_referral_or_a_read_without_a_purpose() {
    assertThatThrownBy(() -> viewing(new Recorded()).contact("r-404", READER, "MASH screening"))
        .isInstanceOf(UnknownContact.class);
    assertThatThrownBy(() -> viewing(new Recorded()).contact("r-1", READER, " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(audited).isEmpty();
    assertThat(reads).isEmpty();
  }

  @Test
  void lists_a_contacts_reads_a_page_at_a_time_with_its_referral_ids() {
    ViewingContacts viewing = viewing(new Recorded());
    for (String purpose : List.of("MASH screening", "Checks returned", "Sign-off")) {
      viewing.contact("r-1", READER, purpose);
    }

    ViewingContacts.ReadsOfContact reads = viewing.readsOf("r-1", new PageWindow(1, 1));

    assertThat(reads.contactId()).isEqualTo("r-1");
    assertThat(reads.referralIds()).containsExactly("r-1");
    assertThat(reads.reads().total()).isEqualTo(3);
    assertThat(reads.reads().items()).extracting(ContactRead::purpose).containsExactly("Checks returned");
    assertThatThrownBy(() -> viewing.readsOf("r-404", new PageWindow(0, 1))).isInstanceOf(UnknownContact.class);
  }

  class Recorded implements ReadAudit {
    @Override
    public void record(ContactRead read) {
      audited.add(read);
      reads.add("audit");
    }

    @Override
    public Page<ContactRead> readsOf(String contactId, PageWindow window) {
      return Page.of(audited.stream().filter(r -> r.contactId().equals(contactId)).toList(), window);
    }
  }

  /** Holds {@link #DETAILS} only, noting each read. */
  class Kept implements Referrals {
    @Override
    public void keepAll(List<ReferralDetails> details) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<ReferralDetails> details(String referralId) {
      reads.add("details:" + referralId);
      return DETAILS.referralId().equals(referralId) ? Optional.of(DETAILS) : Optional.empty();
    }
  }

  /** Holds {@link #CONTACT} only; the queue and the deadline clock are not used here. */
  static class OneContact implements Contacts {
    @Override
    public Map<String, Contact> findAll(Collection<String> referralIds) {
      Map<String, Contact> found = new HashMap<>();
      referralIds.stream().filter(CONTACT.referralIds()::contains).forEach(id -> found.put(id, CONTACT));
      return found;
    }

    @Override
    public Optional<Contact> findOpenHolding(Collection<String> referralIds) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Queue queue(Lane lane, Rag rag, Function<Instant, Rag> ragNow, PageWindow window) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Contact> dueAlarms(Instant now, int limit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Map<Lane, Map<Rag, Long>> countOpen(Function<Instant, Rag> ragNow) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Write> openAll(List<Opening> openings) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Write update(Contact current, Contact changed, List<TriageEvent> events, String handledEventId) {
      throw new UnsupportedOperationException();
    }
  }
}
