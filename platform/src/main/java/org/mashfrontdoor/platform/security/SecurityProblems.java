package org.mashfrontdoor.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mashfrontdoor.platform.events.EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as RFC 9457 problem+json, like every other rejection. The RFC 6750 {@code WWW-Authenticate} header
 * (error {@code invalid_token} or {@code insufficient_scope}) is set by Spring's bearer-token handlers first. The
 * detail never echoes the token.
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

  private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);

  private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
  private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
      throws IOException {
    log.debug("401 for {} {}: {}", request.getMethod(), request.getRequestURI(), reason.getClass().getSimpleName());
    bearerEntryPoint.commence(request, response, reason);
    boolean tokenSent = request.getHeader("Authorization") != null;
    write(response, HttpStatus.UNAUTHORIZED, tokenSent ? "Invalid bearer token" : "Bearer token required",
        tokenSent
            ? "The bearer token is not valid here (bad signature, expired, not yet valid or from another issuer). "
                + "Obtain a new access token and retry."
            : "Send an OAuth2 access token: Authorization: Bearer <token> (client-credentials flow).",
        request);
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException reason)
      throws IOException {
    log.debug("403 for {} {}", request.getMethod(), request.getRequestURI());
    bearerAccessDenied.handle(request, response, reason);
    write(response, HttpStatus.FORBIDDEN, "Insufficient scope or role",
        "Your token is valid but does not grant this request (missing scope or role).", request);
  }

  private static void write(HttpServletResponse response, HttpStatus status, String title, String detail,
      HttpServletRequest request) throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "https://mash-front-door.example/problems/" + status.value());
    problem.put("title", title);
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(EventJson.mapper().writeValueAsString(problem));
  }
}
