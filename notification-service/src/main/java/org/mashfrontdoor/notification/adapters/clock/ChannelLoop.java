package org.mashfrontdoor.notification.adapters.clock;

import java.time.Duration;
import org.mashfrontdoor.notification.application.DeliveringAlerts;
import org.mashfrontdoor.platform.scheduling.PollingLoop;

/** Works one channel's delivery ledger on its own thread, so no channel waits for another. */
public class ChannelLoop extends PollingLoop {

  private final DeliveringAlerts delivering;

  public ChannelLoop(String name, DeliveringAlerts delivering, Duration pollInterval) {
    super(name, pollInterval);
    this.delivering = delivering;
  }

  @Override
  protected void pass() {
    delivering.deliverDue();
  }
}
