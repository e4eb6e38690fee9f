package org.mashfrontdoor.cases.domain;

import java.util.Objects;

/** The member of staff taking a step, as their token says. */
public record Practitioner(String id, Role role) {

  public Practitioner {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
  }

  /** Strategy discussions, Section 47 enquiries, conferences, visits and assessments. */
  public boolean mayDoSocialCareWork() {
    return role == Role.SOCIAL_WORKER || role == Role.TEAM_MANAGER;
  }

  /** Lead professionals, the start of early help, and step-up. */
  public boolean mayDoEarlyHelpWork() {
    return role == Role.EARLY_HELP_COORDINATOR || role == Role.TEAM_MANAGER;
  }
}
