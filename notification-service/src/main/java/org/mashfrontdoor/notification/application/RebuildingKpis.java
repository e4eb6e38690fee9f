package org.mashfrontdoor.notification.application;

/**
 * Rebuilds the KPI projection from the topics: forget it, then read every retained event again. Safe while events
 * keep arriving, since every projection write is idempotent. As complete as the topics' retention.
 */
public final class RebuildingKpis {

  private final KpiFacts facts;
  private final KpiReplay replay;

  public RebuildingKpis(KpiFacts facts, KpiReplay replay) {
    this.facts = facts;
    this.replay = replay;
  }

  public void rebuild() {
    facts.clear();
    replay.fromTheStart();
  }
}
