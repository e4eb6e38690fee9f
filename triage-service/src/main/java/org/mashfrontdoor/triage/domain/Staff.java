package org.mashfrontdoor.triage.domain;

import java.util.Objects;

/** A member of MASH staff acting on a contact. What each may do is decided here, not by the web layer. */
public record Staff(String id, Role role) {

  public Staff {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
  }

  public static Staff localOperator() {
    return new Staff("local-operator", Role.LOCAL_OPERATOR);
  }

  boolean mayRecommend() {
    return role == Role.MASH_SOCIAL_WORKER || role == Role.LOCAL_OPERATOR;
  }

  boolean maySignOff() {
    return role == Role.MASH_MANAGER || role == Role.LOCAL_OPERATOR;
  }
}
