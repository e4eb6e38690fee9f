package org.mashfrontdoor.notification.domain.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mashfrontdoor.notification.domain.RagDigest;

/**
 * The front door now: open contacts by lane and RAG (as triage last announced them), and the contacts whose
 * decision deadline passed today (London) without a decision in time.
 */
public record FrontDoorNow(Instant at, Map<String, Map<String, Long>> openByLaneAndRag, long open,
    long breachedToday) {

  public static final List<String> LANES = List.of("MASH", "DOMESTIC_ABUSE");
  public static final List<String> RAGS = List.of("GREEN", "AMBER", "RED", "BREACHED");

  public static FrontDoorNow of(Instant now, List<RagDigest.OpenContact> open, List<CountedContact> recent) {
    Map<String, Map<String, Long>> byLane = new LinkedHashMap<>();
    for (String lane : LANES) {
      Map<String, Long> byRag = new LinkedHashMap<>();
      RAGS.forEach(rag -> byRag.put(rag, 0L));
      byLane.put(lane, byRag);
    }
    for (RagDigest.OpenContact contact : open) {
      byLane.computeIfAbsent(contact.lane(), l -> new LinkedHashMap<>()).merge(contact.rag(), 1L, Long::sum);
    }
    LocalDate today = now.atZone(Facts.LOCAL).toLocalDate();
    long breachedToday = recent.stream()
        .filter(c -> !c.decisionDueBy().isAfter(now)
            && c.decisionDueBy().atZone(Facts.LOCAL).toLocalDate().equals(today)
            && c.decidedInTime(now).map(inTime -> !inTime).orElse(false))
        .count();
    return new FrontDoorNow(now, byLane, open.size(), breachedToday);
  }
}
