package org.mashfrontdoor.triage.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mashfrontdoor.triage.domain.Role;
import org.mashfrontdoor.triage.domain.Staff;

class FollowingAlertsTest {

  static AlertFeed.StaffAlert alert(String id, String... audience) {
    return new AlertFeed.StaffAlert(id, "r-" + id, "MARF-2026-00000" + id, "URGENT_CONTACT", "URGENT",
        List.of(audience), Instant.parse("2026-03-02T09:00:00Z"), "Urgent contact", List.of());
  }

  static final List<AlertFeed.StaffAlert> ALL = List.of(alert("1", "MASH_TEAM"), alert("2", "MASH_MANAGER"),
      alert("3", "TEAM_MANAGER"), alert("4", "HEAD_OF_SERVICE"), alert("5", "MASH_MANAGER", "HEAD_OF_SERVICE"));

  final FollowingAlerts following = new FollowingAlerts(new AlertFeed() {
    @Override
    public List<StaffAlert> unacknowledged(Staff staff) {
      return ALL;
    }

    @Override
    public boolean acknowledge(String alertId, Staff staff) {
      return true;
    }
  });

  @Test
  void a_social_worker_sees_the_mash_teams_alerts_and_a_manager_the_teams_and_the_managers() {
    assertThat(following.forStaff(new Staff("sw", Role.MASH_SOCIAL_WORKER)))
        .extracting(AlertFeed.StaffAlert::alertId).containsExactly("1");
    assertThat(following.forStaff(new Staff("mgr", Role.MASH_MANAGER)))
        .extracting(AlertFeed.StaffAlert::alertId).containsExactly("1", "2", "5");
  }
}
