package org.mashfrontdoor.intake.adapters.web;

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
 * Intake's own rejections, ahead of the platform's catch-all: a reused idempotency key and a token without the
 * partner's claims. A store that cannot be reached is platform's {@code StoreUnavailable} (503 + Retry-After; the
 * detail, in referral-intake.yml, tells a partner to retry with the same key: every write is one document, so
 * nothing is half-written).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IntakeProblems {

  private static final Logger log = LoggerFactory.getLogger(IntakeProblems.class);

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
}
