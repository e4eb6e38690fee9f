package org.mashfrontdoor.triage.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * When the RAG report goes out: at fixed local times each day (the MASH printed it at 09:00, 13:00 and 16:00).
 * A slot missed by more than {@code grace} (the service was down) is skipped rather than sent late as if current.
 */
public record RagReportSchedule(List<LocalTime> times, ZoneId zone, Duration grace) {

  public RagReportSchedule {
    times = times.stream().sorted().distinct().toList();
    if (times.isEmpty()) {
      throw new IllegalArgumentException("a RAG report needs at least one time of day");
    }
  }

  /** The latest slot at or before {@code now}, if it is at most {@code grace} old. */
  public Optional<LocalDateTime> slotDue(Instant now) {
    ZonedDateTime local = now.atZone(zone);
    for (LocalDate day : List.of(local.toLocalDate(), local.toLocalDate().minusDays(1))) {
      for (LocalTime time : times.reversed()) {
        ZonedDateTime slot = ZonedDateTime.of(day, time, zone);
        if (!slot.toInstant().isAfter(now)) {
          return Duration.between(slot.toInstant(), now).compareTo(grace) <= 0
              ? Optional.of(slot.toLocalDateTime()) : Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  public Instant instantOf(LocalDateTime slot) {
    return ZonedDateTime.of(slot, zone).toInstant();
  }
}
