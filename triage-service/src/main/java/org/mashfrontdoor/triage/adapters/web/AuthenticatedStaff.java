package org.mashfrontdoor.triage.adapters.web;

import java.util.Set;
import java.util.stream.Collectors;
import org.mashfrontdoor.triage.domain.Staff;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The member of staff is whoever the request's verified identity says: a bearer token on the API, the signed-in
 * session on the workspace pages. Either way the name is {@code sub} (the staff id) and the roles are the
 * {@code roles} claim ({@code ROLE_} authorities); which role that makes is {@link Staff#withRoles}.
 */
@Component
class AuthenticatedStaff implements CallingStaff {

  private static final String ROLE = "ROLE_";

  @Override
  public Staff current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      throw new UnknownCaller("A MASH staff bearer token or sign-in is needed.");
    }
    Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(ROLE)).map(a -> a.substring(ROLE.length())).collect(Collectors.toSet());
    return Staff.withRoles(authentication.getName(), roles).orElseThrow(() -> new UnknownCaller(
        "No member of staff (sub) with a MASH staff role (MASH_SOCIAL_WORKER or MASH_MANAGER)."));
  }
}
