package org.mashfrontdoor.cases.application;

import java.util.List;
import java.util.Optional;
import org.mashfrontdoor.cases.domain.Case;

/** Looks cases up for practitioners. */
public final class FindingCases {

  private final Cases cases;

  public FindingCases(Cases cases) {
    this.cases = cases;
  }

  public Optional<Case> withId(String caseId) {
    return cases.withId(caseId);
  }

  public List<Case> ofReferral(String referralId) {
    return cases.ofReferral(referralId);
  }
}
