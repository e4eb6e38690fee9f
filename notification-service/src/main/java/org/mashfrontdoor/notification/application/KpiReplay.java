package org.mashfrontdoor.notification.application;

/** Reads the topics the KPIs are projected from again, from their first retained event. */
public interface KpiReplay {

  void fromTheStart();
}
