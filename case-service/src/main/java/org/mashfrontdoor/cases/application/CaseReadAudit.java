package org.mashfrontdoor.cases.application;

import java.util.List;
import org.mashfrontdoor.cases.domain.CaseRead;

/** The append-only record of who read which case, when and why. Nothing here is ever changed or removed. */
public interface CaseReadAudit {

  /** Stores the read; throws if it cannot, so that the read it records fails too. */
  void record(CaseRead read);

  /** Every read of the case, oldest first. */
  List<CaseRead> readsOf(String caseId);
}
