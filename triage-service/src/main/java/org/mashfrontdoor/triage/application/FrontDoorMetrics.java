package org.mashfrontdoor.triage.application;

import java.time.Duration;
import org.mashfrontdoor.triage.domain.Lane;
import org.mashfrontdoor.triage.domain.Rag;
import org.mashfrontdoor.triage.domain.Source;
import org.mashfrontdoor.triage.domain.TriageDecision;

/** What the front door measures (docs/metrics.md). */
public interface FrontDoorMetrics {

  FrontDoorMetrics NONE = new FrontDoorMetrics() {
  };

  /** A referral reached the front door, opening a contact or joining an open one. */
  default void referralReceived(Source source, Lane lane, boolean joined) {
  }

  default void decided(TriageDecision decision, Duration receiptToDecision) {
  }

  /** A deadline alarm fired {@code lag} after the instant it was set for. */
  default void deadlineFired(Rag rag, Duration lag) {
  }
}
