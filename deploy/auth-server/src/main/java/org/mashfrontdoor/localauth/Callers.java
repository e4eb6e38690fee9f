package org.mashfrontdoor.localauth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The callers of {@code deploy/local/partners.json}, the file {@code deploy/local/token} signs from too, so both
 * issue the same claims: partner systems (an {@code agency}) and machine clients (a {@code client_id} and no
 * agency, e.g. Prometheus scraping metrics) become client-credentials clients, staff (their {@code roles}) users who
 * sign in.
 */
public record Callers(String issuer, String audience, Duration lifetime, Map<String, Caller> byId) {

  /** One entry of {@code callers}: its id (the staff username) and its claims as configured. */
  public record Caller(String id, Map<String, Object> claims) {

    public boolean partner() {
      return claims.containsKey("agency");
    }

    /** Gets tokens by client credentials: a partner system, or a machine client named by its {@code client_id}. */
    public boolean client() {
      return !staff() && (partner() || claims.containsKey("client_id"));
    }

    public boolean staff() {
      return claims.get("roles") instanceof Collection<?>;
    }

    public String sub() {
      return String.valueOf(claims.getOrDefault("sub", id));
    }

    public String clientId() {
      return String.valueOf(claims.getOrDefault("client_id", sub()));
    }

    public List<String> scopes() {
      return claims.get("scope") instanceof String s && !s.isBlank() ? List.of(s.trim().split("\\s+")) : List.of();
    }

    public List<String> roles() {
      return claims.get("roles") instanceof Collection<?> roles ? roles.stream().map(String::valueOf).toList() : List.of();
    }

    public Optional<String> claim(String name) {
      return claims.get(name) instanceof String s ? Optional.of(s) : Optional.empty();
    }
  }

  @SuppressWarnings("unchecked")
  public static Callers read(Path file) {
    Map<String, Object> config;
    try {
      config = JsonMapper.builder().build().readValue(file.toFile(), Map.class);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Cannot read the callers file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    if (!(config.get("callers") instanceof Map<?, ?> callers)) {
      throw new IllegalStateException(file + " has no \"callers\" object");
    }
    Map<String, Caller> byId = new LinkedHashMap<>();
    callers.forEach((id, claims) -> byId.put((String) id, new Caller((String) id, (Map<String, Object>) claims)));
    long lifetime = config.get("lifetimeSeconds") instanceof Number n ? n.longValue() : 3600;
    return new Callers((String) config.get("issuer"), (String) config.get("audience"), Duration.ofSeconds(lifetime),
        Collections.unmodifiableMap(byId));
  }

  public List<Caller> partners() {
    return byId.values().stream().filter(Caller::partner).toList();
  }

  public List<Caller> staff() {
    return byId.values().stream().filter(Caller::staff).toList();
  }

  public List<Caller> clients() {
    return byId.values().stream().filter(Caller::client).toList();
  }

  public Optional<Caller> clientWithId(String clientId) {
    return clients().stream().filter(c -> c.clientId().equals(clientId)).findFirst();
  }

  public Optional<Caller> staffMember(String username) {
    return Optional.ofNullable(byId.get(username)).filter(Caller::staff);
  }
}
