package org.mashfrontdoor.triage.adapters.web;

import jakarta.servlet.http.HttpServletRequest;
import org.mashfrontdoor.triage.domain.Role;
import org.mashfrontdoor.triage.domain.Staff;

/**
 * INTERIM, until the security change: the caller as stated by headers {@code X-Staff-Id} and {@code X-Staff-Role}
 * ({@code MASH_SOCIAL_WORKER} or {@code MASH_MANAGER}). A request with neither header is the unrestricted local
 * operator, so the local demo and the end-to-end test work without an identity provider. The API listens on
 * loopback only until then (server.address). The security change replaces this class with one reading the token.
 */
public class HeaderCallingStaff implements CallingStaff {

  static final String STAFF_ID = "X-Staff-Id";
  static final String STAFF_ROLE = "X-Staff-Role";

  @Override
  public Staff of(HttpServletRequest request) {
    String id = request.getHeader(STAFF_ID);
    String role = request.getHeader(STAFF_ROLE);
    if (id == null && role == null) {
      return Staff.localOperator();
    }
    if (id == null || id.isBlank() || role == null) {
      throw new UnknownCaller("Both " + STAFF_ID + " and " + STAFF_ROLE + " are needed to act as MASH staff.");
    }
    if (!role.equals(Role.MASH_SOCIAL_WORKER.name()) && !role.equals(Role.MASH_MANAGER.name())) {
      throw new UnknownCaller("Role " + role + " is not a MASH staff role.");
    }
    return new Staff(id, Role.valueOf(role));
  }
}
