package org.mashfrontdoor.intake.adapters.web;

import com.mongodb.MongoClientException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import org.mashfrontdoor.intake.application.IdempotencyKeyReused;
import org.mashfrontdoor.platform.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Intake's own rejections, ahead of the platform's catch-all: a reused idempotency key, a token without the
 * partner's claims, and a store that cannot be reached (503 + Retry-After, so a partner retries with the same key;
 * every write is one document, so nothing is half-written).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IntakeProblems {

  private static final Logger log = LoggerFactory.getLogger(IntakeProblems.class);
  static final String RETRY_AFTER_SECONDS = "5";

  @ExceptionHandler(IdempotencyKeyReused.class)
  ResponseEntity<Object> keyReused() {
    return ProblemResponses.problemResponse(ProblemResponses.problem(HttpStatus.CONFLICT,
        "Idempotency-Key already used",
        "This Idempotency-Key was already used with a different body. Use a new key for a new referral; "
            + "a retry must send exactly the same body."));
  }

  /** A valid token without the partner claims intake needs: the partner is not registered properly with the issuer. */
  @ExceptionHandler(TokenCallingPartner.PartnerNotRegistered.class)
  ResponseEntity<Object> partnerNotRegistered(TokenCallingPartner.PartnerNotRegistered ex) {
    log.warn("Token without a usable {} claim", ex.claim);
    return ProblemResponses.problemResponse(ProblemResponses.problem(HttpStatus.FORBIDDEN,
        "Partner not registered",
        "Your token does not say which partner you are (claim " + ex.claim + " missing or unknown). Ask the MASH "
            + "to register your client with its agency and organisation."));
  }

  @ExceptionHandler({MongoTimeoutException.class, MongoSocketException.class, MongoNotPrimaryException.class,
      MongoNodeIsRecoveringException.class, MongoExecutionTimeoutException.class, MongoWriteConcernException.class,
      MongoClientException.class})
  ResponseEntity<Object> storeUnavailable(RuntimeException ex) {
    log.warn("Store unavailable: {}", ex.getClass().getSimpleName());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS)
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable",
            "We could not reach our store just now; no referral was kept. Retry after "
                + RETRY_AFTER_SECONDS + " seconds with the same Idempotency-Key."));
  }
}
