package org.mashfrontdoor.cases.domain;

import java.time.Instant;
import java.util.Objects;
import org.mashfrontdoor.platform.codes.Agency;

/** The early help lead professional: the one person the family and the other agencies go to. */
public record LeadProfessional(String name, Agency agency, String role, Instant assignedAt, String assignedBy) {

  public LeadProfessional {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(assignedAt, "assignedAt");
  }
}
