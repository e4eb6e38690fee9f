package org.mashfrontdoor.triage.domain;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/** A member of MASH staff acting on a contact. What each may do is decided here, not by the web layer. */
public record Staff(String id, Role role) {

  public Staff {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
  }

  /**
   * The member of staff someone with these roles acts as: holding both, the manager, so one person never both
   * recommends and signs off the same contact through a single identity; holding neither, nobody here.
   */
  public static Optional<Staff> withRoles(String id, Collection<String> roles) {
    if (id == null || id.isBlank()) {
      return Optional.empty();
    }
    if (roles.contains(Role.MASH_MANAGER.name())) {
      return Optional.of(new Staff(id, Role.MASH_MANAGER));
    }
    if (roles.contains(Role.MASH_SOCIAL_WORKER.name())) {
      return Optional.of(new Staff(id, Role.MASH_SOCIAL_WORKER));
    }
    return Optional.empty();
  }

  public boolean mayRecommend() {
    return role == Role.MASH_SOCIAL_WORKER;
  }

  public boolean maySignOff() {
    return role == Role.MASH_MANAGER;
  }
}
