package org.mashfrontdoor.triage.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.mashfrontdoor.triage.domain.RagPolicy;
import org.mashfrontdoor.triage.domain.RagReport;
import org.mashfrontdoor.triage.domain.RagReportSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Issues the RAG report for the current slot, once, however many instances ask. */
public class ReportingRag {

  private static final Logger log = LoggerFactory.getLogger(ReportingRag.class);

  private final Contacts contacts;
  private final RagReports reports;
  private final RagReportSchedule schedule;
  private final RagPolicy ragPolicy;
  private final Clock clock;

  public ReportingRag(Contacts contacts, RagReports reports, RagReportSchedule schedule, RagPolicy ragPolicy,
      Clock clock) {
    this.contacts = contacts;
    this.reports = reports;
    this.schedule = schedule;
    this.ragPolicy = ragPolicy;
    this.clock = clock;
  }

  /** Returns the report issued now, if this call issued one. */
  public Optional<RagReport> reportIfDue() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Optional<LocalDateTime> slot = schedule.slotDue(now);
    if (slot.isEmpty() || reports.issued("rag-report/" + slot.get())) {
      return Optional.empty();
    }
    RagReport report = new RagReport(slot.get(), schedule.instantOf(slot.get()), now,
        contacts.countOpen(due -> ragPolicy.ragAt(due, now)));
    if (!reports.issue(report)) {
      return Optional.empty();
    }
    log.info("Issued {}", report.id());
    return Optional.of(report);
  }
}
