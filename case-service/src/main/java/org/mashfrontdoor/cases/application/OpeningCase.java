package org.mashfrontdoor.cases.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.mashfrontdoor.cases.domain.Case;
import org.mashfrontdoor.cases.domain.StatutoryClocks;
import org.mashfrontdoor.cases.domain.TriageDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the case a front-door decision calls for, with its clocks, once, however often the decision is heard. */
public final class OpeningCase {

  private static final Logger log = LoggerFactory.getLogger(OpeningCase.class);

  private final Cases cases;
  private final StatutoryClocks clocks;
  private final Clock clock;

  public OpeningCase(Cases cases, StatutoryClocks clocks, Clock clock) {
    this.cases = cases;
    this.clocks = clocks;
    this.clock = clock;
  }

  /** The case the decision opened (or had already opened); empty when its outcome opens none. */
  public Optional<Case> on(TriageDecision decision) {
    Optional<Case.Change> opened = Case.openedBy(decision, clocks, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    if (opened.isEmpty()) {
      log.info("Decision {} on referral {} is {}: no case to open", decision.decisionId(), decision.referralId(),
          decision.outcome());
      return Optional.empty();
    }
    Case newCase = opened.get().after();
    Cases.Opening result = cases.open(newCase, opened.get().events(), decision.decisionId());
    log.info("Case {} ({}) for referral {} from decision {}: {}", newCase.caseId(), newCase.pathway(),
        newCase.referralId(), decision.decisionId(), result);
    return cases.withId(newCase.caseId());
  }
}
