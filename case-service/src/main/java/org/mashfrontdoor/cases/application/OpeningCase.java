package org.mashfrontdoor.cases.application;

import java.time.Clock;
import java.util.Optional;
import org.mashfrontdoor.cases.domain.Case;
import org.mashfrontdoor.cases.domain.TriageDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the case a front-door decision calls for, once, however often the decision is heard. */
public final class OpeningCase {

  private static final Logger log = LoggerFactory.getLogger(OpeningCase.class);

  private final Cases cases;
  private final Clock clock;

  public OpeningCase(Cases cases, Clock clock) {
    this.cases = cases;
    this.clock = clock;
  }

  /** The case the decision opened (or had already opened); empty when its outcome opens none. */
  public Optional<Case> on(TriageDecision decision) {
    Optional<Case> opened = Case.openedBy(decision, clock.instant());
    if (opened.isEmpty()) {
      log.info("Decision {} on referral {} is {}: no case to open", decision.decisionId(), decision.referralId(),
          decision.outcome());
      return Optional.empty();
    }
    Case newCase = opened.get();
    Cases.Opening result = cases.open(newCase, decision.decisionId());
    log.info("Case {} ({}) for referral {} from decision {}: {}", newCase.caseId(), newCase.pathway(),
        newCase.referralId(), decision.decisionId(), result);
    return result == Cases.Opening.OPENED ? opened : cases.withId(newCase.caseId());
  }
}
