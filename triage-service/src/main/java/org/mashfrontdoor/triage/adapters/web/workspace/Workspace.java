package org.mashfrontdoor.triage.adapters.web.workspace;

import java.time.Clock;
import java.time.Duration;
import org.mashfrontdoor.platform.staffpages.StaffPage;
import org.mashfrontdoor.triage.domain.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MASH workspace at {@code /mash/}: a staff page for MASH social workers and managers (sign-in, session and
 * Content-Security-Policy are the platform's, {@link StaffPage}), and its two live streams, bounded alike.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkspaceProperties.class)
class Workspace {

  @Bean
  StaffPage workspacePage() {
    return new StaffPage(QueuePage.HOME, Role.MASH_SOCIAL_WORKER.name(), Role.MASH_MANAGER.name());
  }

  /** How every live stream is bounded: heartbeat, how long one lasts, how many at once (each kind). */
  record StreamLimits(Duration heartbeat, Duration timeout, int maxStreams) {
  }

  @Bean
  StreamLimits streamLimits(WorkspaceProperties settings) {
    return new StreamLimits(settings.heartbeat(), settings.streamTimeout(), settings.maxStreams());
  }

  @Bean
  LiveParts<QueueTable.LaneFilter> queueStream(QueueTable table, StreamLimits limits, Clock clock,
      WorkspaceProperties settings) {
    return new LiveParts<>("queue-stream", table::render, settings.queuePoll(), limits, clock);
  }

  /** Each watcher of alerts costs a call to notification-service per poll: polled less often than the queue. */
  @Bean
  LiveParts<AlertsList.AlertsFor> alertsStream(AlertsList list, StreamLimits limits, Clock clock,
      WorkspaceProperties settings) {
    return new LiveParts<>("alerts-stream", list::render, settings.alertsPoll(), limits, clock);
  }
}
