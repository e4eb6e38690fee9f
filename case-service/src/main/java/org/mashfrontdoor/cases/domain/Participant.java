package org.mashfrontdoor.cases.domain;

import java.util.Objects;
import org.mashfrontdoor.platform.codes.Agency;

/** Someone at a strategy discussion: their agency, role and name (names stay in case-service). */
public record Participant(Agency agency, String role, String name) {

  public Participant {
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(name, "name");
  }
}
