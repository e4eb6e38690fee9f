package org.mashfrontdoor.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mash.outbox.*}. {@code mode=kafka} (default) relays and publishes in-process; {@code mode=debezium}
 * only relays into the {@code outbox} collection, deleting each record as soon as it is inserted (the change
 * stream keeps the insert, with the whole document, for Debezium's MongoEventRouter to publish).
 * {@code sweep-interval}: how often the relay also looks for events no write in this process named to it.
 */
@ConfigurationProperties("mash.outbox")
public record OutboxProperties(Mode mode, Duration pollInterval, Integer batchSize, Duration sendTimeout,
    Duration sweepInterval) {

  public enum Mode { KAFKA, DEBEZIUM }

  public OutboxProperties {
    mode = mode == null ? Mode.KAFKA : mode;
    pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
    batchSize = batchSize == null ? 500 : batchSize;
    sendTimeout = sendTimeout == null ? Duration.ofSeconds(30) : sendTimeout;
    sweepInterval = sweepInterval == null ? OutboxRelay.DEFAULT_SWEEP_INTERVAL : sweepInterval;
  }
}
