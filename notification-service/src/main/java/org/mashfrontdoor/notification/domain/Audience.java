package org.mashfrontdoor.notification.domain;

import java.util.Optional;

/** Who must act on an alert (roles, not people: routing as data maps them to addresses). */
public enum Audience {
  MASH_TEAM,
  MASH_MANAGER,
  HEAD_OF_SERVICE,
  /** The team manager of the case (children's social care). */
  TEAM_MANAGER,
  EARLY_HELP_MANAGER,
  /** Out of hours, urgent alerts also go to the emergency duty team. */
  EMERGENCY_DUTY_TEAM;

  /** Who an unacknowledged alert escalates to: the MASH team to its manager, the managers to the head of service. */
  public Optional<Audience> escalatesTo() {
    return switch (this) {
      case MASH_TEAM -> Optional.of(MASH_MANAGER);
      case MASH_MANAGER, TEAM_MANAGER, EARLY_HELP_MANAGER -> Optional.of(HEAD_OF_SERVICE);
      case HEAD_OF_SERVICE, EMERGENCY_DUTY_TEAM -> Optional.empty();
    };
  }
}
