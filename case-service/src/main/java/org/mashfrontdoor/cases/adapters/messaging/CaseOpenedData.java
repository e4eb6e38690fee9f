package org.mashfrontdoor.cases.adapters.messaging;

import java.time.Instant;
import org.mashfrontdoor.cases.domain.Case;

/** The data of {@code case.opened.v1} on {@code mash.case.events}: ids and pathway only, no personal data. */
public record CaseOpenedData(String caseId, String referralId, String pathway, String status, Instant openedAt) {

  public static final String TYPE = "case.opened.v1";
  public static final String SOURCE = "/mash/case-service";

  public static CaseOpenedData of(Case opened) {
    return new CaseOpenedData(opened.caseId(), opened.referralId(), opened.pathway().name(),
        opened.status().name(), opened.openedAt());
  }
}
