package org.mashfrontdoor.triage.adapters.web.workspace;

import org.mashfrontdoor.triage.adapters.web.CallingStaff;
import org.mashfrontdoor.triage.domain.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Who is signed in, for every workspace page's header: their name (the ID token's) and the role they act in. */
@ControllerAdvice(basePackageClasses = SignedIn.class)
class SignedIn {

  record Shown(String name, String role) {
  }

  private final CallingStaff callingStaff;

  SignedIn(CallingStaff callingStaff) {
    this.callingStaff = callingStaff;
  }

  @ModelAttribute("signedIn")
  Shown signedIn(Authentication authentication) {
    if (authentication == null) {
      return null;
    }
    String name = authentication.getPrincipal() instanceof OidcUser user && user.getFullName() != null
        ? user.getFullName() : authentication.getName();
    try {
      Role role = callingStaff.current().role();
      return new Shown(name, role == Role.MASH_MANAGER ? "MASH manager" : "MASH social worker");
    } catch (CallingStaff.UnknownCaller e) {
      return new Shown(name, "no MASH role");
    }
  }
}
