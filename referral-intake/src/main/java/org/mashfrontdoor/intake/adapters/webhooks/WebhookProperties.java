package org.mashfrontdoor.intake.adapters.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mash.intake.webhooks.*}, each default here once (docs/webhooks.md lists them): production's values, set
 * in the environment or {@code referral-intake.yml} only where they differ.
 */
@ConfigurationProperties("mash.intake.webhooks")
record WebhookProperties(
    Boolean allowLoopbackHttp,
    Duration pollInterval,
    Integer pageSize,
    Integer maxInFlight,
    Duration settle,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration firstRetry,
    Duration longestWait,
    Duration giveUpAfter,
    Duration retention) {

  WebhookProperties {
    allowLoopbackHttp = allowLoopbackHttp != null && allowLoopbackHttp;
    pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
    pageSize = pageSize == null ? 100 : pageSize;
    maxInFlight = maxInFlight == null ? 32 : maxInFlight;
    settle = settle == null ? Duration.ofSeconds(5) : settle;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
    firstRetry = firstRetry == null ? Duration.ofSeconds(10) : firstRetry;
    longestWait = longestWait == null ? Duration.ofHours(1) : longestWait;
    giveUpAfter = giveUpAfter == null ? Duration.ofHours(24) : giveUpAfter;
    retention = retention == null ? Duration.ofDays(30) : retention;
  }

  /** A claim outlives the longest attempt, so no two instances POST the same delivery at once. */
  Duration lease() {
    return connectTimeout.plus(requestTimeout).plusSeconds(5);
  }
}
