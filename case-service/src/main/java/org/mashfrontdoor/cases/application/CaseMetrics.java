package org.mashfrontdoor.cases.application;

import java.time.Duration;
import org.mashfrontdoor.platform.deadlines.Deadline;

/** What the case side measures: the statutory KPIs (met on time per kind) and the clock's firing lag. */
public interface CaseMetrics {

  /** A deadline met: ICPC within 15 working days, assessments within 45, early help within 4 weeks. */
  void deadlineMet(Deadline met);

  void deadlineFired(String kind, Deadline.Alarm alarm, Duration lag);

  CaseMetrics NONE = new CaseMetrics() {
    @Override
    public void deadlineMet(Deadline met) {
    }

    @Override
    public void deadlineFired(String kind, Deadline.Alarm alarm, Duration lag) {
    }
  };
}
