package org.mashfrontdoor.intake.adapters.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.mashfrontdoor.intake.domain.SubmissionAllowance;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * 429 problem+json with {@code Retry-After} (whole seconds, at least 1) when a partner submits MARFs faster than
 * its allowance; before the body is read, so a flood costs little. Runs after authentication: the partner is the
 * token's subject. Only {@code POST /api/v1/referrals}; reads are not limited here.
 */
class SubmissionRateLimit extends OncePerRequestFilter {

  private final SubmissionAllowance allowance;
  private final Clock clock;

  SubmissionRateLimit(SubmissionAllowance allowance, Clock clock) {
    this.allowance = allowance;
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return allowance.unlimited() || !"POST".equals(request.getMethod())
        || !"/api/v1/referrals".equals(request.getRequestURI());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    Optional<Duration> wait = caller == null || !caller.isAuthenticated() ? Optional.empty()
        : allowance.take(caller.getName(), clock.instant());
    if (wait.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(seconds));
    response.setContentType("application/problem+json");
    response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
        + "\"detail\":\"This system is sending MARFs faster than its allowance; send this one again after "
        + seconds + " s with the same Idempotency-Key.\"}").getBytes(StandardCharsets.UTF_8));
  }
}
