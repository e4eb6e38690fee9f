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

  public static KpiFacts.Fact contactOpened(String contactId, String source, String referralType, String lane,
      List<String> urgentReasons, Instant receivedAt, Instant decisionDueBy) {
    return new KpiFacts.Opened(contactId, source, referralType, lane,
        urgentReasons != null && urgentReasons.contains(RE_REFERRAL), receivedAt, decisionDueBy);
  }

  public static KpiFacts.Fact contactDecided(String contactId, MashOutcome outcome, Instant receivedAt,
      Instant decisionDueBy, Instant decidedAt) {
    return new KpiFacts.Decided(contactId, outcome, receivedAt, decisionDueBy, decidedAt);
  }

  public static KpiFacts.Fact milestoneReached(PathwayMilestone milestone) {
    return new KpiFacts.Reached(milestone);
  }

  /** A batch of events' facts, in one write per collection. */
  public void projectAll(List<KpiFacts.Fact> facts) {
    if (!facts.isEmpty()) {
      this.facts.recordAll(facts);
    }
  }
}
