package org.mashfrontdoor.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.platform.audit.ChainVerification.Break;

@DisplayName("The audit hash chain: every entry carries the hash of the one before, and a check says where it breaks")
class AuditChainTest {

  static Map<String, Object> read(String staffId, String purpose) {
    return Map.of("staffId", staffId, "role", "MASH_SOCIAL_WORKER", "at", "2026-03-02T10:15:00Z",
        "purpose", purpose, "referralIds", List.of("r-1", "r-2"));
  }

  /** Five reads of one contact, chained. */
  static List<ChainedEntry> chain(int length) {
    List<ChainedEntry> entries = new ArrayList<>();
    for (int i = 1; i <= length; i++) {
      entries.add(AuditChain.after(entries.isEmpty() ? null : entries.getLast(), "contact:C-1",
          read("sw-" + i, "MASH screening " + i)));
    }
    return entries;
  }

  static ChainVerification verify(List<ChainedEntry> entries) {
    return AuditChain.verify(entries.iterator());
  }

  static ChainedEntry withPurpose(ChainedEntry entry, String purpose) {
    Map<String, Object> fields = new LinkedHashMap<>(entry.fields());
    fields.put("purpose", purpose);
    return new ChainedEntry(entry.sequence(), entry.subject(), fields, entry.previousHash(), entry.hash());
  }

  static ChainedEntry renumbered(ChainedEntry entry, long sequence) {
    return new ChainedEntry(sequence, entry.subject(), entry.fields(), entry.previousHash(), entry.hash());
  }

  @Test
  void an_untouched_chain_is_intact_and_its_head_is_the_last_entry() {
    List<ChainedEntry> entries = chain(5);

    ChainVerification verification = verify(entries);

    assertThat(verification.intact()).isTrue();
    assertThat(verification.entries()).isEqualTo(5);
    assertThat(verification.brokenAt()).isNull();
    assertThat(verification.reason()).isNull();
    assertThat(verification.head()).isEqualTo(new ChainAnchor(5, entries.getLast().hash()));
    assertThat(entries.getFirst().previousHash()).isEqualTo(AuditChain.GENESIS_HASH);
    assertThat(entries.get(3).previousHash()).isEqualTo(entries.get(2).hash());
  }

  @Test
  void an_empty_ledger_is_intact_with_no_head() {
    assertThat(verify(List.of())).isEqualTo(new ChainVerification(0, true, null, null, null, null));
  }

  @Test
  void a_changed_purpose_is_an_altered_entry_named_by_its_sequence() {
    List<ChainedEntry> entries = new ArrayList<>(chain(5));
    entries.set(2, withPurpose(entries.get(2), "Curiosity"));

    ChainVerification verification = verify(entries);

    assertThat(verification.intact()).isFalse();
    assertThat(verification.brokenAt()).isEqualTo(3);
    assertThat(verification.reason()).isEqualTo(Break.ALTERED_ENTRY);
    assertThat(verification.detail()).contains("entry 3");
    assertThat(verification.entries()).as("checked up to the break").isEqualTo(3);
    assertThat(verification.head()).isNull();
  }

  @Test
  void a_deleted_entry_is_a_gap_at_its_sequence() {
    List<ChainedEntry> entries = new ArrayList<>(chain(5));
    entries.remove(2);

    ChainVerification verification = verify(entries);

    assertThat(verification.reason()).isEqualTo(Break.GAP);
    assertThat(verification.brokenAt()).isEqualTo(3);
    assertThat(verification.detail()).contains("entry 3 is missing");
  }

  @Test
  void deleting_the_first_entry_is_a_gap_too() {
    List<ChainedEntry> entries = new ArrayList<>(chain(3));
    entries.removeFirst();

    assertThat(verify(entries)).extracting(ChainVerification::reason, ChainVerification::brokenAt)
        .containsExactly(Break.GAP, 1L);
  }

  @Test
  void two_entries_swapped_in_place_break_the_link_where_the_first_of_them_now_stands() {
    // In the store an entry's place is its key: swapping two entries gives each the other's sequence number.
    List<ChainedEntry> entries = new ArrayList<>(chain(5));
    ChainedEntry second = entries.get(1);
    ChainedEntry third = entries.get(2);
    entries.set(1, renumbered(third, 2));
    entries.set(2, renumbered(second, 3));

    ChainVerification verification = verify(entries);

    assertThat(verification.reason()).isEqualTo(Break.BROKEN_LINK);
    assertThat(verification.brokenAt()).isEqualTo(2);
  }

  @Test
  void an_entry_changed_and_re_hashed_breaks_the_link_of_the_next() {
    List<ChainedEntry> entries = new ArrayList<>(chain(5));
    ChainedEntry original = entries.get(2);
    ChainedEntry forged = withPurpose(original, "Curiosity");
    entries.set(2, new ChainedEntry(3, forged.subject(), forged.fields(), forged.previousHash(),
        AuditChain.hashOf(3, forged.subject(), forged.fields(), forged.previousHash())));

    assertThat(verify(entries)).extracting(ChainVerification::reason, ChainVerification::brokenAt)
        .containsExactly(Break.BROKEN_LINK, 4L);
  }

  @Test
  void a_recorded_head_shows_entries_cut_off_the_end_or_a_chain_rewritten_up_to_it() {
    List<ChainedEntry> entries = chain(5);
    ChainAnchor recorded = verify(entries).head();

    assertThat(AuditChain.verify(entries.iterator(), recorded).intact()).isTrue();
    assertThat(AuditChain.verify(entries.subList(0, 3).iterator(), recorded))
        .as("without the anchor the shorter chain looks whole").satisfies(cut -> {
          assertThat(cut.reason()).isEqualTo(Break.TRUNCATED);
          assertThat(cut.brokenAt()).isEqualTo(4);
        });
    assertThat(verify(entries.subList(0, 3)).intact()).isTrue();

    List<ChainedEntry> rewritten = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      rewritten.add(AuditChain.after(rewritten.isEmpty() ? null : rewritten.getLast(), "contact:C-1",
          read("someone-else", "MASH screening " + i)));
    }
    assertThat(AuditChain.verify(rewritten.iterator(), recorded))
        .extracting(ChainVerification::reason, ChainVerification::brokenAt)
        .containsExactly(Break.ANCHOR_MISMATCH, 5L);
  }

  @Test
  void the_hash_is_the_documented_encoding_so_another_tool_can_check_it() {
    // Computed outside Java from AuditChain's description (length-prefixed UTF-8, big-endian numbers, fields by
    // name). Stored ledgers depend on it: a change here breaks every chain already written.
    ChainedEntry first = AuditChain.after(null, "contact:C-1", read("sw-1", "MASH screening"));
    assertThat(first.hash()).isEqualTo("68d3f4a54375eb2e5cc2c601812403001f967649d74c3c26a41f600f58b05194");
    ChainedEntry second = AuditChain.after(first, "contact:C-1",
        Map.of("staffId", "mgr-1", "purpose", "Sign-off – naïve café"));
    assertThat(second.hash()).isEqualTo("b676c415b0ea8871b389fbf9ca4d6768e49683dbdd5cc101f512332e596b6438");
  }

  @Test
  void the_encoding_is_unambiguous_and_the_order_fields_came_in_does_not_matter() {
    String genesis = AuditChain.GENESIS_HASH;
    assertThat(AuditChain.hashOf(1, "s", Map.of("a", "bc"), genesis))
        .isNotEqualTo(AuditChain.hashOf(1, "s", Map.of("ab", "c"), genesis));
    assertThat(AuditChain.hashOf(1, "s", Map.of("ids", List.of("r-1", "r-2")), genesis))
        .isNotEqualTo(AuditChain.hashOf(1, "s", Map.of("ids", List.of("r-1r-2")), genesis))
        .isNotEqualTo(AuditChain.hashOf(1, "s", Map.of("ids", "r-1r-2"), genesis));
    assertThat(AuditChain.hashOf(1, "s:a", Map.of(), genesis))
        .isNotEqualTo(AuditChain.hashOf(1, "s", Map.of(":a", ""), genesis));

    Map<String, Object> oneOrder = new LinkedHashMap<>();
    oneOrder.put("staffId", "sw-1");
    oneOrder.put("purpose", "MASH screening");
    Map<String, Object> otherOrder = new LinkedHashMap<>();
    otherOrder.put("purpose", "MASH screening");
    otherOrder.put("staffId", "sw-1");
    assertThat(AuditChain.hashOf(1, "s", oneOrder, genesis)).isEqualTo(AuditChain.hashOf(1, "s", otherOrder, genesis));
  }

  @Test
  void only_texts_and_lists_of_texts_well_formed_are_recorded() {
    assertThatThrownBy(() -> AuditChain.after(null, "s", Map.of("at", 42)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditChain.after(null, "s", Map.of("purpose", "lone \uD800 surrogate")))
        .as("it would be hashed as '?' and collide with another text").isInstanceOf(IllegalArgumentException.class);
    assertThat(ReadPurpose.isValid("lone \uD800 surrogate")).isFalse();
    assertThat(ReadPurpose.isValid("Sign-off – naïve café 👍")).isTrue();
  }
}
