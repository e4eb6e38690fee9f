package org.mashfrontdoor.triage.application;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mashfrontdoor.triage.domain.Role;
import org.mashfrontdoor.triage.domain.Staff;

/**
 * The MASH alerts a member of staff is to act on, by their role: the MASH team's for a social worker; the team's and
 * the MASH manager's for a manager. Case alerts (case team managers) and the head of service's are for others.
 */
public class FollowingAlerts {

  /** Which of notification-service's audiences each MASH role belongs to. */
  static final Map<Role, Set<String>> AUDIENCES = Map.of(
      Role.MASH_SOCIAL_WORKER, Set.of("MASH_TEAM"),
      Role.MASH_MANAGER, Set.of("MASH_TEAM", "MASH_MANAGER"));

  private final AlertFeed feed;

  public FollowingAlerts(AlertFeed feed) {
    this.feed = feed;
  }

  /** Unacknowledged alerts for {@code staff}'s role, newest first. */
  public List<AlertFeed.StaffAlert> forStaff(Staff staff) {
    Set<String> mine = AUDIENCES.get(staff.role());
    return feed.unacknowledged(staff).stream()
        .filter(alert -> alert.audience().stream().anyMatch(mine::contains))
        .toList();
  }

  /** False if notification-service has no such alert. */
  public boolean acknowledge(String alertId, Staff staff) {
    return feed.acknowledge(alertId, staff);
  }
}
