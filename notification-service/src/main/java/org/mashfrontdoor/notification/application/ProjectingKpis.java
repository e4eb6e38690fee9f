package org.mashfrontdoor.notification.application;

import org.mashfrontdoor.platform.codes.MashOutcome;
import java.time.Instant;
import java.util.List;
import org.mashfrontdoor.notification.domain.kpi.PathwayMilestone;

/**
 * Keeps the KPI projection from the events as they land: contacts opened and decided (triage), pathway milestones
 * (case-service). Nothing here reads another service's store.
 */
public final class ProjectingKpis {

  /** The urgency reason triage gives a re-referral (its one urgency rule lists every reason that applies). */
  static final String RE_REFERRAL = "RE_REFERRAL";

  private final KpiFacts facts;

  public ProjectingKpis(KpiFacts facts) {
    this.facts = facts;
  }

  public void contactOpened(String contactId, String source, String referralType, String lane,
      List<String> urgentReasons, Instant receivedAt, Instant decisionDueBy) {
    facts.opened(contactId, source, referralType, lane, urgentReasons != null && urgentReasons.contains(RE_REFERRAL),
        receivedAt, decisionDueBy);
  }

  public void contactDecided(String contactId, MashOutcome outcome, Instant receivedAt, Instant decisionDueBy,
      Instant decidedAt) {
    facts.decided(contactId, outcome, receivedAt, decisionDueBy, decidedAt);
  }

  public void milestoneReached(PathwayMilestone milestone) {
    facts.reached(milestone);
  }
}
