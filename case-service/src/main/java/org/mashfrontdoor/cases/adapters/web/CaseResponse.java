package org.mashfrontdoor.cases.adapters.web;

import java.time.Instant;
import org.mashfrontdoor.cases.domain.Case;

/** A case as the API shows it. */
public record CaseResponse(String caseId, String referralId, String pathway, String status, Instant openedAt) {

  static CaseResponse of(Case c) {
    return new CaseResponse(c.caseId(), c.referralId(), c.pathway().name(), c.status().name(), c.openedAt());
  }
}
