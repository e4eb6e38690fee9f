package org.mashfrontdoor.triage;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mash.triage.*}, each default here once. triage-service.yml keeps only the environment variables that set
 * them ({@code TRIAGE_RAG_AMBER}, {@code TRIAGE_RAG_RED}, {@code TRIAGE_DEADLINE_POLL},
 * {@code TRIAGE_RAG_REPORT_TIMES}; their fallbacks there are these defaults, as a placeholder needs one).
 */
@ConfigurationProperties("mash.triage")
record TriageProperties(Rag rag, DeadlineClock deadlineClock, RagReport ragReport, Metrics metrics) {

  TriageProperties {
    rag = rag == null ? new Rag(null, null) : rag;
    deadlineClock = deadlineClock == null ? new DeadlineClock(null, null) : deadlineClock;
    ragReport = ragReport == null ? new RagReport(null, null, null) : ragReport;
    metrics = metrics == null ? new Metrics(null) : metrics;
  }

  /** The RAG thresholds of time left to the decision deadline. */
  record Rag(Duration amber, Duration red) {
    Rag {
      amber = amber == null ? Duration.ofHours(8) : amber;
      red = red == null ? Duration.ofHours(2) : red;
    }
  }

  /** How often the due sheet is polled; each poll fires every alarm due, batch by batch. */
  record DeadlineClock(Duration pollInterval, Integer batchSize) {
    DeadlineClock {
      pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
      batchSize = batchSize == null ? 500 : batchSize;
    }
  }

  /** Local times of the thrice-daily RAG report (triage.rag-report.v1); a slot missed by more than grace is skipped. */
  record RagReport(List<LocalTime> times, ZoneId zone, Duration grace) {
    RagReport {
      times = times == null ? List.of(LocalTime.of(9, 0), LocalTime.of(13, 0), LocalTime.of(16, 0)) : times;
      zone = zone == null ? ZoneId.of("Europe/London") : zone;
      grace = grace == null ? Duration.ofHours(1) : grace;
    }
  }

  /** At most how often the open-contacts gauge reads the store again. */
  record Metrics(Duration gaugeRefresh) {
    Metrics {
      gaugeRefresh = gaugeRefresh == null ? Duration.ofSeconds(5) : gaugeRefresh;
    }
  }
}
