package org.mashfrontdoor.triage.adapters.web;

import org.mashfrontdoor.triage.domain.Staff;

/**
 * Who is calling: the one seam between the web layer and identity ({@link AuthenticatedStaff} reads the verified
 * bearer token or the signed-in session). What each role may do is enforced in the domain, not here.
 */
public interface CallingStaff {

  /** @throws UnknownCaller if the request carries no member of staff with a role this service knows */
  Staff current();

  class UnknownCaller extends RuntimeException {
    public UnknownCaller(String message) {
      super(message);
    }
  }
}
