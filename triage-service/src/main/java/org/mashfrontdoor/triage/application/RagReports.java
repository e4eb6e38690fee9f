package org.mashfrontdoor.triage.application;

import org.mashfrontdoor.triage.domain.RagReport;

/** The RAG reports issued, one per slot; each is stored with its announcement in one write. */
public interface RagReports {

  /** Returns false if the slot's report was issued already (by this or another instance). */
  boolean issue(RagReport report);

  boolean issued(String reportId);
}
