package org.mashfrontdoor.cases.adapters.web;

import org.mashfrontdoor.cases.domain.Practitioner;
import org.mashfrontdoor.cases.domain.Role;
import org.mashfrontdoor.platform.security.TokenCaller;
import org.springframework.stereotype.Component;

/**
 * The practitioner is whoever the verified bearer token says: {@code sub} is the staff id, the {@code roles} claim
 * holds {@code SOCIAL_WORKER}, {@code TEAM_MANAGER} or {@code EARLY_HELP_COORDINATOR}. A token holding several
 * acts as the most senior (team manager).
 */
@Component
class CallingPractitioner {

  Practitioner current() {
    TokenCaller caller = TokenCaller.current()
        .orElseThrow(() -> new NotAPractitioner("A children's social care or early help bearer token is needed."));
    if (caller.id() == null || caller.id().isBlank()) {
      throw new NotAPractitioner("The token names no member of staff (sub).");
    }
    for (Role role : new Role[] {Role.TEAM_MANAGER, Role.SOCIAL_WORKER, Role.EARLY_HELP_COORDINATOR}) {
      if (caller.hasRole(role.name())) {
        return new Practitioner(caller.id(), role);
      }
    }
    throw new NotAPractitioner("The token carries no case role (SOCIAL_WORKER, TEAM_MANAGER or "
        + "EARLY_HELP_COORDINATOR).");
  }

  static final class NotAPractitioner extends RuntimeException {
    NotAPractitioner(String message) {
      super(message);
    }
  }
}
