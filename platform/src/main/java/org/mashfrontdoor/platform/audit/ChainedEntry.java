package org.mashfrontdoor.platform.audit;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One entry of an audit ledger: its place in the chain ({@code sequence}, from 1), what it is about ({@code subject},
 * e.g. {@code contact:C-1}), what it records ({@code fields}: each a text or a list of texts; ids, role, time and
 * purpose, never a child's name), the hash of the entry before it ({@code previousHash};
 * {@link AuditChain#GENESIS_HASH} for the first) and its own {@code hash} ({@link AuditChain#hashOf}).
 * Whether the hash fits the rest is for {@link AuditChain#verify} to say: an entry read back from a store may be
 * an altered one, and must still be representable.
 */
public record ChainedEntry(long sequence, String subject, Map<String, Object> fields, String previousHash,
    String hash) {

  public ChainedEntry {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
    fields = canonical(fields);
  }

  /** The text field {@code name}, or null when there is none or it is a list. */
  public String text(String name) {
    return fields.get(name) instanceof String text ? text : null;
  }

  /** The list field {@code name}, or an empty list when there is none or it is a text. */
  @SuppressWarnings("unchecked")
  public List<String> texts(String name) {
    return fields.get(name) instanceof List<?> list ? (List<String>) list : List.of();
  }

  /** Fields sorted by name (one encoding whatever order they came in), values checked and copied. */
  static Map<String, Object> canonical(Map<String, ?> fields) {
    TreeMap<String, Object> sorted = new TreeMap<>();
    fields.forEach((name, value) -> sorted.put(Objects.requireNonNull(name, "field name"), switch (value) {
      case String text -> text;
      case List<?> list -> List.copyOf(list.stream().map(item -> {
        if (!(item instanceof String text)) {
          throw new IllegalArgumentException("field " + name + " holds something other than text");
        }
        return text;
      }).toList());
      case null, default -> throw new IllegalArgumentException("field " + name + " is neither a text nor a list of texts");
    }));
    return Collections.unmodifiableSortedMap(sorted);
  }
}
