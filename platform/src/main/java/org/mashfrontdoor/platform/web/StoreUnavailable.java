package org.mashfrontdoor.platform.web;

import com.mongodb.MongoClientException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every service's answer while its store is away: 503 problem+json with {@code Retry-After} within a few seconds
 * (store timeout {@code mash.store.timeout}, default 2 s, for server selection and for a pooled connection; socket
 * reads get five times that), never a request hanging
 * for the driver's 30 s default or a 500. Listeners share the client: their writes fail as fast and are waited
 * out by the consumer error handling (ADR 0004). {@code mash.store.unavailable-detail} lets a service say what a
 * caller should do (intake: retry with the same Idempotency-Key).
 */
@Configuration(proxyBeanMethods = false)
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1) // before ProblemResponses' catch-all 500
public class StoreUnavailable {

  public static final String RETRY_AFTER_SECONDS = "5";
  private static final Logger log = LoggerFactory.getLogger(StoreUnavailable.class);

  private final String detail;

  public StoreUnavailable(@Value("${mash.store.unavailable-detail:We could not reach our store just now; nothing "
      + "was changed. Retry after " + RETRY_AFTER_SECONDS + " seconds.}") String detail) {
    this.detail = detail;
  }

  @Bean
  static MongoClientSettingsBuilderCustomizer failFastWhenStoreIsDown(
      @Value("${mash.store.timeout:PT2S}") Duration timeout) {
    return builder -> builder
        .applyToClusterSettings(c -> c.serverSelectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS))
        // The driver's default is 120 s waiting for a pooled connection: a busy store must not hang a request.
        .applyToConnectionPoolSettings(p -> p.maxWaitTime(timeout.toMillis(), TimeUnit.MILLISECONDS))
        .applyToSocketSettings(s -> s.connectTimeout((int) timeout.toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout((int) timeout.multipliedBy(5).toMillis(), TimeUnit.MILLISECONDS));
  }

  @ExceptionHandler({MongoTimeoutException.class, MongoSocketException.class, MongoNotPrimaryException.class,
      MongoNodeIsRecoveringException.class, MongoExecutionTimeoutException.class, MongoWriteConcernException.class,
      MongoClientException.class})
  ResponseEntity<Object> storeUnavailable(RuntimeException ex) {
    log.warn("Store unavailable: {}", ex.getClass().getSimpleName());
    ProblemDetail problem = ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable",
        detail);
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS)
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
