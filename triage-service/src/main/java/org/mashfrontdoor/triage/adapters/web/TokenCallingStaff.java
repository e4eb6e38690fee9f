package org.mashfrontdoor.triage.adapters.web;

import org.mashfrontdoor.platform.security.TokenCaller;
import org.mashfrontdoor.triage.domain.Role;
import org.mashfrontdoor.triage.domain.Staff;
import org.springframework.stereotype.Component;

/**
 * The member of staff is whoever the verified bearer token says: {@code sub} is the staff id, the {@code roles}
 * claim holds {@code MASH_SOCIAL_WORKER} or {@code MASH_MANAGER}. A token holding both acts as the manager: one
 * person never both recommends and signs off the same contact through a single identity.
 */
@Component
class TokenCallingStaff implements CallingStaff {

  @Override
  public Staff current() {
    TokenCaller caller = TokenCaller.current()
        .orElseThrow(() -> new UnknownCaller("A MASH staff bearer token is needed."));
    if (caller.id() == null || caller.id().isBlank()) {
      throw new UnknownCaller("The token names no member of staff (sub).");
    }
    if (caller.hasRole(Role.MASH_MANAGER.name())) {
      return new Staff(caller.id(), Role.MASH_MANAGER);
    }
    if (caller.hasRole(Role.MASH_SOCIAL_WORKER.name())) {
      return new Staff(caller.id(), Role.MASH_SOCIAL_WORKER);
    }
    throw new UnknownCaller("The token carries no MASH staff role (MASH_SOCIAL_WORKER or MASH_MANAGER).");
  }
}
