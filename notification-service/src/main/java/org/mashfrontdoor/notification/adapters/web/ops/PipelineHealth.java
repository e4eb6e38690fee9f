package org.mashfrontdoor.notification.adapters.web.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mashfrontdoor.platform.events.EventJson;
import org.mashfrontdoor.platform.inbox.EventConsumerErrorHandling;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The pipeline's health for the ops page: per service, whether Prometheus reaches it, the outbox backlog and the
 * age of its oldest unpublished event, the consumer lag and the dead letters, from Prometheus (every service) when
 * it answers, else from this service's own meters (and the page says so). Read-only; at most about a second.
 */
@Component
class PipelineHealth {

  static final String NOT_AVAILABLE = "–";

  record ServiceHealth(String service, String up, String outboxBacklog, String oldestPendingSeconds,
      String consumerLag, String deadLetters) {
  }

  record View(String source, List<ServiceHealth> services) {
  }

  private static final Map<String, String> QUERIES = new LinkedHashMap<>();

  static {
    QUERIES.put("up", "max by (service) (up{job=\"mash-front-door\"})");
    QUERIES.put("backlog", "max by (service) (mash_outbox_backlog)");
    QUERIES.put("oldest", "max by (service) (mash_outbox_oldest_pending_age_seconds)");
    QUERIES.put("lag", "max by (service) (kafka_consumer_fetch_manager_records_lag_max)");
    QUERIES.put("dead", "sum by (service) (mash_consumer_dead_letters_total)");
  }

  private final String prometheus;
  private final MeterRegistry registry;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

  PipelineHealth(@Value("${mash.prometheus-url:}") String prometheus, MeterRegistry registry) {
    this.prometheus = prometheus;
    this.registry = registry;
  }

  View now() {
    if (prometheus != null && !prometheus.isBlank()) {
      try {
        return fromPrometheus();
      } catch (Exception unreachable) {
        // fall through to this service's own figures
      }
    }
    return ownFigures();
  }

  private View fromPrometheus() throws Exception {
    Map<String, Map<String, String>> byService = new TreeMap<>();
    for (Map.Entry<String, String> query : QUERIES.entrySet()) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(prometheus + "/api/v1/query?query="
          + URLEncoder.encode(query.getValue(), StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(1)).GET()
          .build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Prometheus answered " + response.statusCode());
      }
      JsonNode result = EventJson.mapper().readTree(response.body()).path("data").path("result");
      for (JsonNode series : result) {
        String service = series.path("metric").path("service").asString("");
        if (!service.isEmpty()) {
          byService.computeIfAbsent(service, s -> new LinkedHashMap<>())
              .put(query.getKey(), whole(series.path("value").get(1).asString()));
        }
      }
    }
    if (byService.isEmpty()) {
      throw new IllegalStateException("Prometheus has nothing from the services yet");
    }
    return new View("Prometheus (" + prometheus + ")", byService.entrySet().stream().map(e -> new ServiceHealth(
        e.getKey(), "1".equals(e.getValue().get("up")) ? "UP" : "DOWN",
        e.getValue().getOrDefault("backlog", NOT_AVAILABLE), e.getValue().getOrDefault("oldest", NOT_AVAILABLE),
        e.getValue().getOrDefault("lag", NOT_AVAILABLE), e.getValue().getOrDefault("dead", "0"))).toList());
  }

  private View ownFigures() {
    double lag = registry.find("kafka.consumer.fetch.manager.records.lag.max").gauges().stream()
        .mapToDouble(Gauge::value).filter(v -> !Double.isNaN(v)).max().orElse(0);
    double dead = registry.find(EventConsumerErrorHandling.DEAD_LETTERS).counters().stream().mapToDouble(Counter::count).sum();
    return new View("this service only (Prometheus not reachable)", List.of(new ServiceHealth(
        "notification-service", "UP", NOT_AVAILABLE, NOT_AVAILABLE, whole(Double.toString(lag)),
        whole(Double.toString(dead)))));
  }

  private static String whole(String number) {
    try {
      return Long.toString(Math.round(Double.parseDouble(number)));
    } catch (NumberFormatException notANumber) {
      return NOT_AVAILABLE;
    }
  }
}
