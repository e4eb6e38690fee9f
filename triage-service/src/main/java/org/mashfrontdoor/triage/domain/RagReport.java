package org.mashfrontdoor.triage.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;

/** The queue by lane and RAG at one report slot. Counts only: no personal data. */
public record RagReport(LocalDateTime slot, Instant slotAt, Instant generatedAt, Map<Lane, Map<Rag, Long>> counts) {

  /** One report per slot, whichever instance writes it first. */
  public String id() {
    return "rag-report/" + slot;
  }
}
