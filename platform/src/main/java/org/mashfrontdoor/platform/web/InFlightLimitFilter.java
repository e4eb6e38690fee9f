package org.mashfrontdoor.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the requests a service works on at once ({@code mash.web.max-in-flight}). Requests run on virtual threads,
 * so no thread pool bounds them: without this, a flood would queue without limit on the store's connection pool
 * and every caller would wait. Over the bound a caller gets 503 problem+json with {@code Retry-After} at once. A
 * stream (Server-Sent Events) holds a permit only while it is set up: its dispatch returns once async starts. Health
 * probes are never refused, so an orchestrator does not restart a service for being busy.
 */
public class InFlightLimitFilter extends OncePerRequestFilter {

  private final Semaphore permits;
  private final int limit;

  public InFlightLimitFilter(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("mash.web.max-in-flight must be at least 1");
    }
    this.limit = limit;
    this.permits = new Semaphore(limit);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().startsWith("/actuator/health");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!permits.tryAcquire()) {
      response.setStatus(503);
      response.setHeader("Retry-After", "1");
      response.setContentType("application/problem+json");
      response.getOutputStream().write(("{\"type\":\"https://mash-front-door.example/problems/503\","
          + "\"title\":\"Busy\",\"status\":503,\"detail\":\"This service is working on " + limit
          + " requests already; nothing was done with this one. Retry after 1 second.\"}")
          .getBytes(StandardCharsets.UTF_8));
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      permits.release();
    }
  }

  /** Permits free now: for tests and a gauge. */
  public int available() {
    return permits.availablePermits();
  }
}
