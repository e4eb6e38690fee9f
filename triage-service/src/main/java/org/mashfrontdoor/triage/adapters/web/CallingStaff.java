package org.mashfrontdoor.triage.adapters.web;

import jakarta.servlet.http.HttpServletRequest;
import org.mashfrontdoor.triage.domain.Staff;

/**
 * Who is calling. The one seam between the web layer and identity: the security change replaces the interim
 * {@link HeaderCallingStaff} with an implementation reading the OAuth2 token (subject and role claims); nothing
 * else changes, because what each role may do is enforced in the domain.
 */
public interface CallingStaff {

  /** @throws UnknownCaller if the request names no role this service knows */
  Staff of(HttpServletRequest request);

  class UnknownCaller extends RuntimeException {
    public UnknownCaller(String message) {
      super(message);
    }
  }
}
