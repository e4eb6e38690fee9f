package org.mashfrontdoor.cases.domain;

/** Children's social care and early help roles, distinct from the MASH roles of the front door. */
public enum Role {
  SOCIAL_WORKER,
  /** May do everything a social worker or an early help coordinator may. */
  TEAM_MANAGER,
  EARLY_HELP_COORDINATOR
}
