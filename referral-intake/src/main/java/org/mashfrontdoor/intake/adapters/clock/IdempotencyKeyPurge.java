package org.mashfrontdoor.intake.adapters.clock;

import java.time.Clock;
import org.mashfrontdoor.intake.application.IdempotencyKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Forgets expired idempotency keys every {@code mash.intake.key-purge-interval}. A TTL index does this on a real
 * MongoDB; mongo-java-server (tests, the local stack) has no TTL monitor. A failed purge is only logged: the keys stay
 * expired (a claim ignores them) and the next run takes them.
 */
public class IdempotencyKeyPurge {

  private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

  private final IdempotencyKeys keys;
  private final Clock clock;

  public IdempotencyKeyPurge(IdempotencyKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${mash.intake.key-purge-interval:PT1H}", initialDelayString = "PT1M")
  public void purge() {
    try {
      long purged = keys.purgeExpired(clock.instant());
      if (purged > 0) {
        log.info("Purged {} expired idempotency keys", purged);
      }
    } catch (RuntimeException e) {
      log.warn("Idempotency key purge failed ({}); will try again", e.getClass().getSimpleName());
    }
  }
}
