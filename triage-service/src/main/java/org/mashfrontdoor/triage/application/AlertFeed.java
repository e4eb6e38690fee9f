package org.mashfrontdoor.triage.application;

import java.time.Instant;
import java.util.List;
import org.mashfrontdoor.triage.domain.Staff;

/**
 * The alerts for MASH staff, as notification-service keeps them (it raises, routes, escalates and records who
 * acknowledged each); asked as the member of staff, never as this service.
 */
public interface AlertFeed {

  /** One alert: references, times and words, never a child's name (notification-service keeps none). */
  record StaffAlert(String alertId, String referralId, String reference, String type, String severity,
      List<String> audience, Instant createdAt, String summary, List<String> reasons) {

    public StaffAlert {
      audience = List.copyOf(audience);
      reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
  }

  /** Alerts nobody has acknowledged yet, newest first (at most one page of them). */
  List<StaffAlert> unacknowledged(Staff staff);

  /** Records that {@code staff} acknowledged the alert; false if there is no such alert. */
  boolean acknowledge(String alertId, Staff staff);

  /** notification-service did not answer, or would not answer this member of staff (signed out there). */
  class Unavailable extends RuntimeException {
    public Unavailable(String why) {
      super(why);
    }
  }
}
