package org.mashfrontdoor.cases.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The work that follows a front-door decision for one referral: early help, a single assessment or a
 * strategy discussion. Not called a children's social care case because early help cases are not social care.
 */
public record Case(String caseId, String referralId, Pathway pathway, CaseStatus status, int levelOfNeed,
    Instant openedAt) {

  public Case {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(referralId, "referralId");
    Objects.requireNonNull(pathway, "pathway");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(openedAt, "openedAt");
  }

  /**
   * The case a decision opens, if its outcome leads to one. One decision opens at most one case, and its id
   * follows from the decision's id, so hearing about the same decision twice names the same case.
   */
  public static Optional<Case> openedBy(TriageDecision decision, Instant now) {
    return decision.outcome().pathway().map(pathway -> new Case(idFor(decision), decision.referralId(), pathway,
        CaseStatus.OPEN, decision.levelOfNeed(), now));
  }

  static String idFor(TriageDecision decision) {
    return UUID.nameUUIDFromBytes(("case-opened-by:" + decision.decisionId()).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
