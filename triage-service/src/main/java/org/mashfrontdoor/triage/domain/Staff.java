package org.mashfrontdoor.triage.domain;

import java.util.Objects;

/** A member of MASH staff acting on a contact. What each may do is decided here, not by the web layer. */
public record Staff(String id, Role role) {

  public Staff {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
  }

  boolean mayRecommend() {
    return role == Role.MASH_SOCIAL_WORKER;
  }

  boolean maySignOff() {
    return role == Role.MASH_MANAGER;
  }
}
