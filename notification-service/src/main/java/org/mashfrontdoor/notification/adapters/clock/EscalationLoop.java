package org.mashfrontdoor.notification.adapters.clock;

import java.time.Duration;
import org.mashfrontdoor.notification.application.EscalatingAlerts;
import org.mashfrontdoor.platform.scheduling.PollingLoop;

/** Polls the escalation due sheet; all it knows is in the store. */
public class EscalationLoop extends PollingLoop {

  private final EscalatingAlerts escalating;

  public EscalationLoop(EscalatingAlerts escalating, Duration pollInterval) {
    super("alert-escalation", pollInterval);
    this.escalating = escalating;
  }

  @Override
  protected void pass() {
    escalating.escalateDue();
  }
}
