package org.mashfrontdoor.triage.adapters.web.workspace;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mash.workspace.*}, each default here once; triage-service.yml keeps only the environment variables
 * ({@code MASH_INTAKE_URL}, {@code MASH_ALERTS_URL}). The workspace records phone and email contacts at
 * {@code intakeUrl} and shows and acknowledges alerts at {@code alertsUrl}, each as the signed-in member of staff.
 * Live updates (Server-Sent Events): how often the queue and the alerts are looked at again, a heartbeat so a dead
 * connection is noticed, how long one stream lasts before the browser reconnects, and how many at once (each kind).
 */
@ConfigurationProperties("mash.workspace")
public record WorkspaceProperties(String intakeUrl, String alertsUrl, Duration queuePoll, Duration alertsPoll,
    Duration heartbeat, Duration streamTimeout, Integer maxStreams) {

  public WorkspaceProperties {
    intakeUrl = intakeUrl == null ? "http://127.0.0.1:8081" : intakeUrl;
    alertsUrl = alertsUrl == null ? "http://127.0.0.1:8084" : alertsUrl;
    queuePoll = queuePoll == null ? Duration.ofSeconds(1) : queuePoll;
    alertsPoll = alertsPoll == null ? Duration.ofSeconds(3) : alertsPoll;
    heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
    streamTimeout = streamTimeout == null ? Duration.ofMinutes(30) : streamTimeout;
    maxStreams = maxStreams == null ? 100 : maxStreams;
  }
}
